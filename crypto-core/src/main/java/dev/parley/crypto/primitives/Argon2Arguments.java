package dev.parley.crypto.primitives;

import java.util.Objects;

/** The argument rules both Argon2id implementations share (libsodium's {@code crypto_pwhash} limits). */
final class Argon2Arguments {
    /** crypto_pwhash_BYTES_MIN. */
    static final int MIN_OUTPUT_BYTES = 16;

    private Argon2Arguments() {
    }

    /** @throws IllegalArgumentException if the salt is shorter than 16 bytes or the output shorter than 16 bytes */
    static void check(byte[] password, byte[] salt, Argon2Params params, int length) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(params, "params");
        if (salt.length < PasswordHasher.MIN_SALT_BYTES) {
            throw new IllegalArgumentException("Argon2id salt must be at least " + PasswordHasher.MIN_SALT_BYTES
                    + " bytes, got " + salt.length);
        }
        if (length < MIN_OUTPUT_BYTES) {
            throw new IllegalArgumentException("Argon2id output must be at least " + MIN_OUTPUT_BYTES + " bytes");
        }
    }
}
