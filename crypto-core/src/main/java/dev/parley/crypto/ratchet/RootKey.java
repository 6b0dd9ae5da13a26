package dev.parley.crypto.ratchet;

import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import java.util.Arrays;

/**
 * A 32-byte root key of the Double Ratchet. Immutable: {@link #step} returns the next root key and a new chain key
 * and leaves this one untouched.
 *
 * <p>KDF_RK(rk, dh) = HKDF-SHA-256(salt = rk, ikm = dh, info = "parley/v1/ratchet-root" || 0x00, L = 64);
 * bytes 0-31 are the next root key, bytes 32-63 the new chain key (index 0).
 */
public final class RootKey {
    public static final int BYTES = 32;

    private final byte[] key;

    public RootKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("root key: 32 bytes expected");
        }
        this.key = key.clone();
    }

    /** One DH-ratchet step with the Diffie-Hellman output {@code dhOutput}. */
    public RatchetStep step(Kdf kdf, byte[] dhOutput) {
        byte[] okm = kdf.derive(key, dhOutput, Label.ROOT_CHAIN, new byte[0], 2 * BYTES);
        try {
            return new RatchetStep(new RootKey(Arrays.copyOfRange(okm, 0, BYTES)),
                    new ChainKey(Arrays.copyOfRange(okm, BYTES, 2 * BYTES), 0));
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    /** A copy of the key bytes (secret). */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "RootKey[hidden]";
    }
}
