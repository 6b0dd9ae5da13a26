package dev.parley.desktop.service;

import dev.parley.desktop.storage.Contact;
import java.util.List;

/**
 * The address book: adding contacts, safety numbers, verification and identity-key changes. A contact whose
 * {@link Contact#identityChange()} is {@code CHANGED_UNACKNOWLEDGED} cannot be sent to until
 * {@link #acknowledgeIdentityChange} is called.
 */
public interface ContactService {

    /**
     * Fetches the user's prekey bundle from the relay, verifies its signature, starts a session and stores the
     * contact. Adding an existing contact returns it unchanged (no new session).
     *
     * @throws UnknownUserException      if the relay knows no such user
     * @throws CannotAddSelfException    if {@code username} is the profile's own
     * @throws RelayUnreachableException if the relay cannot be reached
     */
    Contact add(String username) throws ServiceException;

    /** All contacts, sorted by username. */
    List<Contact> list() throws ServiceException;

    /** @throws UnknownContactException if no such contact */
    Contact get(String username) throws ServiceException;

    /** The safety number and QR payload for comparing identity keys with {@code username}. */
    SafetyNumberView safetyNumber(String username) throws ServiceException;

    /** Marks the contact's current identity key as verified (this also clears a pending identity-change warning). */
    Contact markVerified(String username) throws ServiceException;

    /**
     * Takes back "verified" (for example after comparing the numbers again and finding they differ, or by mistake):
     * the contact shows as not verified until the numbers are compared and marked verified again.
     *
     * @throws UnknownContactException if no such contact
     */
    Contact clearVerification(String username) throws ServiceException;

    /** Accepts a changed identity key after the warning: sending is allowed again, the contact stays unverified. */
    Contact acknowledgeIdentityChange(String username) throws ServiceException;
}
