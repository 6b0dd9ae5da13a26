package dev.parley.crypto.session;

import java.util.Arrays;

/** Identifies a skipped message key: the sender's ratchet public key and the message number. */
final class SkippedKeyId {
    private final byte[] ratchetKey;
    private final int counter;

    SkippedKeyId(byte[] ratchetKey, int counter) {
        this.ratchetKey = ratchetKey.clone();
        this.counter = counter;
    }

    byte[] ratchetKey() {
        return ratchetKey.clone();
    }

    int counter() {
        return counter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SkippedKeyId other && counter == other.counter && Arrays.equals(ratchetKey, other.ratchetKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ratchetKey) + counter;
    }
}
