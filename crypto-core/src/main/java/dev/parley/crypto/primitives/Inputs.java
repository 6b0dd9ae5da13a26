package dev.parley.crypto.primitives;

import dev.parley.crypto.secret.SecretBytes;
import java.util.Objects;

/** Argument checks shared by both providers, run before any native call so bad input never reaches native code. */
final class Inputs {
    private Inputs() {
    }

    /** @throws IllegalArgumentException if {@code bytes} is not exactly {@code length} bytes long */
    static byte[] exactly(byte[] bytes, int length, String what) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + bytes.length);
        }
        return bytes;
    }

    /**
     * A copy of the secret, which the caller must wipe, after checking its length (so a wrong-length secret is never
     * copied out).
     *
     * @throws IllegalArgumentException if the secret is not exactly {@code length} bytes long
     * @throws IllegalStateException if the secret was destroyed
     */
    static byte[] secret(SecretBytes secret, int length, String what) {
        Objects.requireNonNull(secret, what);
        if (secret.length() != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + secret.length());
        }
        return secret.bytes();
    }

    /** @throws InvalidPublicKeyException if {@code key} is not exactly {@code length} bytes long */
    static byte[] publicKey(byte[] key, int length) throws InvalidPublicKeyException {
        Objects.requireNonNull(key, "public key");
        if (key.length != length) {
            throw new InvalidPublicKeyException("public key must be " + length + " bytes, got " + key.length);
        }
        return key;
    }

    static byte[] notNull(byte[] bytes, String what) {
        return Objects.requireNonNull(bytes, what);
    }
}
