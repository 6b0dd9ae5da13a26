package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.payload.Padding;
import dev.parley.crypto.primitives.SecretBox;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A Double Ratchet message:
 * <pre>
 * offset 0   u8   version = 2
 * offset 1   u8   type = 1
 * offset 2   32   sender's current ratchet public key (X25519)
 * offset 34  u32  PN: number of messages in the sender's previous sending chain
 * offset 38  u32  N: number of this message in the current sending chain
 * offset 42  16   salt: fresh random bytes per message (bound into the secretbox key and nonce)
 * offset 58  ..   XSalsa20-Poly1305 secretbox output: tag (16) || encrypted padded payload
 * </pre>
 * Bytes 0-57 are the header, authenticated through the message-key derivation. The salt makes the secretbox key and
 * nonce differ even if a rolled-back or forked ratchet state reuses a message key.
 */
public final class RatchetMessage implements CiphertextMessage {
    public static final int SALT_BYTES = 16;
    public static final int HEADER_BYTES = 42 + SALT_BYTES;
    static final int MIN_CIPHERTEXT_BYTES = SecretBox.MAC_BYTES + 160;

    private final byte[] serialized;

    private RatchetMessage(byte[] serialized) {
        this.serialized = serialized;
    }

    static byte[] header(byte[] ratchetKey, int previousCounter, int counter, byte[] salt) {
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("ratchet message: 16-byte salt expected");
        }
        return ByteBuffer.allocate(HEADER_BYTES).put(VERSION).put(TYPE_RATCHET).put(ratchetKey)
                .putInt(previousCounter).putInt(counter).put(salt).array();
    }

    static RatchetMessage of(byte[] header, byte[] ciphertext) {
        byte[] bytes = Arrays.copyOf(header, HEADER_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, bytes, HEADER_BYTES, ciphertext.length);
        return new RatchetMessage(bytes);
    }

    static RatchetMessage deserialize(byte[] bytes) throws InvalidMessageException, UnsupportedVersionException {
        if (bytes.length < 2) {
            throw new InvalidMessageException("ratchet message: truncated");
        }
        if (bytes[0] != VERSION) {
            throw new UnsupportedVersionException("ratchet message: unknown version " + bytes[0]);
        }
        if (bytes[1] != TYPE_RATCHET) {
            throw new InvalidMessageException("ratchet message: wrong type");
        }
        if (bytes.length < HEADER_BYTES + MIN_CIPHERTEXT_BYTES
                || bytes.length > HEADER_BYTES + SecretBox.MAC_BYTES + Padding.MAX_PADDED_BYTES) {
            throw new InvalidMessageException("ratchet message: bad length");
        }
        RatchetMessage message = new RatchetMessage(bytes.clone());
        if (message.previousCounter() < 0 || message.counter() < 0) {
            throw new InvalidMessageException("ratchet message: counter out of range");
        }
        return message;
    }

    public byte[] ratchetKey() {
        return Arrays.copyOfRange(serialized, 2, 34);
    }

    /** PN, read as an unsigned 32-bit value; values above 2^31-1 show as negative and are rejected on parsing. */
    public int previousCounter() {
        return ByteBuffer.wrap(serialized, 34, 4).getInt();
    }

    public int counter() {
        return ByteBuffer.wrap(serialized, 38, 4).getInt();
    }

    /** The per-message random salt (header bytes 42-57). */
    public byte[] salt() {
        return Arrays.copyOfRange(serialized, 42, 42 + SALT_BYTES);
    }

    byte[] headerBytes() {
        return Arrays.copyOf(serialized, HEADER_BYTES);
    }

    byte[] ciphertext() {
        return Arrays.copyOfRange(serialized, HEADER_BYTES, serialized.length);
    }

    @Override
    public byte[] serialize() {
        return serialized.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RatchetMessage other && Arrays.equals(serialized, other.serialized);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serialized);
    }

    @Override
    public String toString() {
        return "RatchetMessage[n=" + counter() + ", pn=" + previousCounter() + ", " + serialized.length + " bytes]";
    }
}
