package dev.parley.desktop.storage;

import java.util.List;
import java.util.Optional;

/** The user's contacts, keyed by username. */
public interface ContactStore {

    /** Adds a contact; returns false (and changes nothing) if the username exists. */
    boolean add(Transaction txn, Contact contact) throws StorageException;

    Optional<Contact> find(Transaction txn, String username) throws StorageException;

    /** All contacts ordered by username. */
    List<Contact> list(Transaction txn) throws StorageException;

    /**
     * Records the identity key seen for a contact. A different key marks the contact unverified with an
     * unacknowledged identity change.
     */
    IdentityKeyUpdate updateIdentityKey(Transaction txn, String username, byte[] identityKey) throws StorageException;

    /** Sets the verified flag; verifying also clears a pending identity-change warning. False if unknown. */
    boolean setVerified(Transaction txn, String username, boolean verified) throws StorageException;

    /** Clears a pending identity-change warning (the user saw it). False if unknown. */
    boolean acknowledgeIdentityChange(Transaction txn, String username) throws StorageException;

    /** Sets the identity-change state without touching the key or the verified flag. False if unknown. */
    boolean setIdentityChange(Transaction txn, String username, IdentityChangeState state) throws StorageException;

    /** Sets or (with null) clears the display name. False if unknown. */
    boolean setDisplayName(Transaction txn, String username, String displayName) throws StorageException;

    /** Removes a contact (its messages stay). False if unknown. */
    boolean remove(Transaction txn, String username) throws StorageException;
}
