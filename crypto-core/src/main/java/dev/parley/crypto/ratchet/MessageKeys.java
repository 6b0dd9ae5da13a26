package dev.parley.crypto.ratchet;

import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import java.util.Arrays;

/**
 * The 32-byte message key of one message (its number is {@link #index()}). Immutable; used once.
 *
 * <p>Secretbox has no associated-data input, so the per-message secretbox key and nonce are derived from the message
 * key and a hash of the associated data: {@code HKDF-SHA-256(salt = 32 zero bytes, ikm = mk,
 * info = "parley/v1/message-cipher" || 0x00 || adHash, L = 56)}; bytes 0-31 are the XSalsa20-Poly1305 key, bytes
 * 32-55 the nonce. Any change to the associated data changes the key, so Poly1305 verification fails.
 */
public final class MessageKeys {
    public static final int BYTES = 32;

    private final byte[] key;
    private final int index;

    public MessageKeys(byte[] key, int index) {
        if (key.length != BYTES || index < 0) {
            throw new IllegalArgumentException("message key: 32 bytes and a non-negative index expected");
        }
        this.key = key.clone();
        this.index = index;
    }

    /** The secretbox key and nonce for this message, bound to {@code associatedDataHash}. */
    public MessageCipherKeys cipherKeys(Kdf kdf, byte[] associatedDataHash) {
        byte[] okm = kdf.derive(null, key, Label.MESSAGE_CIPHER, associatedDataHash,
                MessageCipherKeys.KEY_BYTES + MessageCipherKeys.NONCE_BYTES);
        try {
            return new MessageCipherKeys(Arrays.copyOfRange(okm, 0, MessageCipherKeys.KEY_BYTES),
                    Arrays.copyOfRange(okm, MessageCipherKeys.KEY_BYTES, okm.length));
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    public int index() {
        return index;
    }

    /** A copy of the key bytes (secret). */
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "MessageKeys[index=" + index + ", key hidden]";
    }
}
