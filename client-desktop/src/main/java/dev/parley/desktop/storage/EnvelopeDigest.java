package dev.parley.desktop.storage;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A 32-byte digest that identifies one received ciphertext envelope (computed by the messaging layer from the sender's
 * identity and the exact ciphertext message). A redelivery of the same envelope has the same digest; a different
 * message that happens to reuse a ratchet position (a sender restored from an old backup) has a different one.
 * Compared in constant time; never printed.
 */
public final class EnvelopeDigest {
    public static final int LENGTH = 32;
    private final byte[] value;

    /** @throws IllegalArgumentException unless {@code value} has {@link #LENGTH} bytes */
    public EnvelopeDigest(byte[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length != LENGTH) {
            throw new IllegalArgumentException("an envelope digest has " + LENGTH + " bytes");
        }
        this.value = value.clone();
    }

    /** A copy of the digest bytes. */
    public byte[] bytes() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeDigest && MessageDigest.isEqual(value, ((EnvelopeDigest) o).value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "EnvelopeDigest[32 bytes]";
    }
}
