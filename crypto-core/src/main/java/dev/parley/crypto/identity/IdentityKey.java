package dev.parley.crypto.identity;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A user's long-term public identity key: a 32-byte Ed25519 public key (RFC 8032). The same key, mapped to its
 * X25519 form ({@link #x25519PublicKey}), is used for Diffie-Hellman in X3DH and for the sealed-sender MAC.
 */
public final class IdentityKey {
    public static final int BYTES = 32;

    private final byte[] key;
    /** The X25519 form, computed once (the mapping is deterministic and the same in every provider). */
    private volatile byte[] x25519;

    public IdentityKey(byte[] ed25519PublicKey) {
        if (ed25519PublicKey == null || ed25519PublicKey.length != BYTES) {
            throw new IllegalArgumentException("identity key: 32 bytes expected");
        }
        this.key = ed25519PublicKey.clone();
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] bytes() {
        return key.clone();
    }

    /** The Montgomery (X25519) form of this key (computed by {@code provider} on first use, then remembered). */
    public byte[] x25519PublicKey(CryptoProvider provider) throws InvalidPublicKeyException {
        byte[] converted = x25519;
        if (converted == null) {
            converted = provider.ed25519().toX25519PublicKey(key);
            x25519 = converted;
        }
        return converted.clone();
    }

    byte[] unsafeBytes() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityKey other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Only the first 4 bytes, as a log-safe hint. */
    @Override
    public String toString() {
        return "IdentityKey[" + HexFormat.of().formatHex(key, 0, 4) + "…]";
    }
}
