package dev.parley.crypto.primitives;

/**
 * One implementation of every primitive Parley uses. Two exist: libsodium (native, through lazysodium; the default)
 * and BouncyCastle (pure Java; the fallback when the native library cannot load, and an independent cross-check).
 * Obtain one from {@link CryptoProviders}.
 */
public interface CryptoProvider {

    /** A short stable name for logs and the About box: {@code "libsodium"} or {@code "bouncycastle"}. */
    String name();

    X25519 x25519();

    Ed25519 ed25519();

    SecretBox secretBox();

    Box box();

    SealedBox sealedBox();

    Hkdf hkdf();

    Hmac hmac();

    PasswordHasher argon2id();

    RandomSource random();

    /** SHA-512 (FIPS 180-4). */
    byte[] sha512(byte[] data);

    /** SHA-256 (FIPS 180-4). */
    byte[] sha256(byte[] data);
}
