package dev.parley.desktop.storage;

/** Outcome of {@link ContactStore#updateIdentityKey}. */
public enum IdentityKeyUpdate {
    /** The stored key equals the given one; nothing changed. */
    UNCHANGED,
    /** The key was replaced; the contact is now unverified with an unacknowledged identity change. */
    CHANGED,
    /** No contact has that username. */
    NOT_FOUND
}
