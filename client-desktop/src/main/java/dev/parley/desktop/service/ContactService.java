package dev.parley.desktop.service;

import java.util.List;

/** The address book: adding contacts, trust and verification. */
public interface ContactService {

    /**
     * Fetches the user's prekey bundle from the relay, verifies it and starts a session, then stores the contact.
     * Adding a contact that already exists returns it unchanged.
     *
     * @throws UnknownUserException      if the relay knows no such user
     * @throws RelayUnreachableException if the relay cannot be reached
     */
    Contact add(String username) throws ServiceException;

    /** All contacts, sorted by username. */
    List<Contact> list() throws ServiceException;

    /** @throws UnknownContactException if no such contact */
    Contact get(String username) throws ServiceException;

    /** The safety number and QR payload for comparing identity keys with {@code username}. */
    SafetyNumberView safetyNumber(String username) throws ServiceException;

    /** Marks the contact's current identity key as verified by the user. */
    Contact markVerified(String username) throws ServiceException;

    /**
     * Accepts a changed identity key (after the warning): the contact becomes UNVERIFIED and sending is allowed
     * again.
     */
    Contact acknowledgeIdentityChange(String username) throws ServiceException;
}
