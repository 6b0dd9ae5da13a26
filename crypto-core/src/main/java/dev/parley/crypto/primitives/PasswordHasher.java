package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;

/** Argon2id version 0x13 (RFC 9106) without secret or associated data, as libsodium's {@code crypto_pwhash}. */
public interface PasswordHasher {
    int MIN_SALT_BYTES = 16;

    /**
     * Derives {@code length} bytes from the UTF-8 bytes of {@code password}.
     *
     * @throws IllegalArgumentException if the salt or the output is shorter than 16 bytes, or the provider cannot
     *     run these parameters (libsodium: parallelism 1 and salts of exactly 16 bytes only)
     */
    SecretBytes argon2id(byte[] password, byte[] salt, Argon2Params params, int length);
}
