package dev.parley.desktop.storage;

/**
 * A namespace of {@link SecretStore} entries: lower-case letters, digits, '.', '_' or '-', 1 to 32 characters.
 */
public record SecretNamespace(String name) {
    /** The local identity key pair (one entry, key {@code "self"}). */
    public static final SecretNamespace IDENTITY = new SecretNamespace("identity");
    /** Session records by peer address. */
    public static final SecretNamespace SESSIONS = new SecretNamespace("session");
    /** One-time prekeys by id. */
    public static final SecretNamespace PREKEYS = new SecretNamespace("prekey");
    /** Signed prekeys by id. */
    public static final SecretNamespace SIGNED_PREKEYS = new SecretNamespace("signed-prekey");
    /** KEM prekeys (ML-KEM-1024, one-time and last-resort) by id. */
    public static final SecretNamespace KEM_PREKEYS = new SecretNamespace("kem-prekey");

    public SecretNamespace {
        if (name == null || !name.matches("[a-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("secret namespace must match [a-z0-9._-]{1,32}");
        }
    }
}
