package dev.parley.crypto.identity;

/** What saving a peer's identity key did, as {@code IdentityKeyStore.saveIdentity} reports it. */
public enum IdentityChange {
    /** No key was known for this peer; the key is now stored (trust on first use). */
    NEW,
    /** The same key was already stored; nothing changed. */
    UNCHANGED,
    /** A different key was stored and has been replaced: the safety number changed; tell the user. */
    REPLACED
}
