package dev.parley.desktop.service;

import dev.parley.desktop.storage.Contact;
import java.util.List;

/**
 * The address book: adding contacts, safety numbers, verification and identity-key changes. A contact whose
 * {@link Contact#identityChange()} is {@code CHANGED_UNACKNOWLEDGED} wrote with a new identity key: those messages
 * are held apart and nothing can be sent until the user accepts ({@link #acknowledgeIdentityChange}) or refuses
 * ({@link #refuseIdentityChange}) the new key.
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

    /**
     * The safety number of the new identity key a contact wrote with, while its messages are held apart
     * ({@code CHANGED_UNACKNOWLEDGED}); empty when no new key is pending.
     */
    java.util.Optional<SafetyNumberView> pendingSafetyNumber(String username) throws ServiceException;

    /** Message requests: people who wrote first and whom the user has not accepted (replied to or verified) yet. */
    List<Contact> requests() throws ServiceException;

    /**
     * Marks the contact's identity key as verified (this also accepts a message request), but only if
     * {@code displayedKey} (the key whose safety number the user compared) is still the stored key.
     *
     * @throws IdentityChangedException if the stored key is another one (or a new key is pending)
     */
    Contact markVerified(String username, byte[] displayedKey) throws ServiceException;

    /**
     * Takes back "verified" (for example after comparing the numbers again and finding they differ, or by mistake):
     * the contact shows as not verified until the numbers are compared and marked verified again.
     *
     * @throws UnknownContactException if no such contact
     */
    Contact clearVerification(String username) throws ServiceException;

    /**
     * Accepts the new identity key the user was shown ({@code displayedKey}, from {@link #pendingSafetyNumber}): it
     * replaces the stored key, the held messages are decrypted into the history, sending is allowed again; the
     * contact stays unverified. Acts only if {@code displayedKey} is still the pending key.
     *
     * @throws IdentityChangedException if another key is pending now, or none
     */
    Contact acknowledgeIdentityChange(String username, byte[] displayedKey) throws ServiceException;

    /** Refuses a pending new key: the held messages are deleted unread and the old key stays. */
    Contact refuseIdentityChange(String username) throws ServiceException;

    /**
     * Accepts a message request: the requester becomes a contact, and receipts, typing, presence and the profile may
     * go to them from now on (nothing does while they are a request). A contact that is no request is returned as is.
     *
     * @throws UnknownContactException if there is no such contact or request
     */
    Contact accept(String username) throws ServiceException;

    /**
     * Blocks a user (a contact or anyone): their envelopes are acknowledged to the relay and dropped unread, nothing
     * is sent to them, and they are not told. A pending message request from them is deleted with its history.
     *
     * @return false if they were blocked already
     */
    boolean block(String username) throws ServiceException;

    /** @return false if they were not blocked */
    boolean unblock(String username) throws ServiceException;

    /** The blocked usernames, sorted. */
    List<String> blocked() throws ServiceException;

    /**
     * Removes a contact or message request (and the messages held for them); with {@code deleteHistory} also the
     * whole conversation: its messages, their search words and reactions, and receipts still owed.
     *
     * @return how many messages were deleted
     * @throws UnknownContactException if there was nothing to remove
     */
    int remove(String username, boolean deleteHistory) throws ServiceException;
}
