package dev.parley.desktop.storage;

/** Whether the user must be warned that a contact's identity key changed. */
public enum IdentityChangeState {
    /** No change since the user last acknowledged the key (or since the contact was added). */
    NONE,
    /** The key changed and the user has not acknowledged the warning yet. */
    CHANGED_UNACKNOWLEDGED
}
