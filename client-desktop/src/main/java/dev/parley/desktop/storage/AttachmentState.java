package dev.parley.desktop.storage;

/** Where an attachment's bytes are, as this device knows it. */
public enum AttachmentState {
    /** Outgoing: the ciphertext is on the relay (uploaded before the message was sent). */
    UPLOADED,
    /** Incoming: the pointer arrived; the ciphertext is still on the relay. */
    AVAILABLE,
    /** Incoming: the ciphertext was downloaded and verified and is kept (encrypted) in the profile. */
    DOWNLOADED,
    /** The relay no longer has it (expired or unknown id). */
    EXPIRED,
    /** What the relay served does not match the pointer (digest or authentication failed); nothing was kept. */
    INVALID
}
