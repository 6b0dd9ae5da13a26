package dev.parley.desktop.storage;

/** Whether the user must be warned that a contact's identity key changed. */
public enum IdentityChangeState {
    /** No change since the user last acknowledged the key (or since the contact was added). */
    NONE,
    /**
     * The contact wrote with another identity key and the user has not decided yet: the stored key is still the old
     * one, the envelopes with the new key are held apart ({@link HeldEnvelopeStore}), and sending is blocked.
     */
    CHANGED_UNACKNOWLEDGED,
    /**
     * A message request: someone the user never added wrote first (their username certified by the relay). The
     * conversation is kept; replying or verifying accepts the request.
     */
    REQUEST
}
