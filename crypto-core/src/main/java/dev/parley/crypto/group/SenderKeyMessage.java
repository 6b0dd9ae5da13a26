package dev.parley.crypto.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.payload.Padding;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.SecretBox;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A group message encrypted once with the sender's chain (docs/protocol.md 1.15):
 * <pre>
 * 0  u8  version = 0x01
 * 1  16  group id
 * 17 u32 key id
 * 21 u32 iteration (at most 2^31-1)
 * 25 16  salt (random per message)
 * 41 16+P secretbox output (P = a padding bucket)
 * .. 64  Ed25519 signature by the sender key's signing key over LABEL(SENDER_KEY_SIGNATURE) || bytes 0..end of body
 * </pre>
 */
public record SenderKeyMessage(GroupId groupId, int keyId, int iteration, byte[] salt, byte[] ciphertext,
        byte[] signature) {
    public static final byte VERSION = 0x01;
    public static final int HEADER_BYTES = 1 + GroupId.BYTES + 4 + 4 + 16;
    static final int MIN_CIPHERTEXT = SecretBox.MAC_BYTES + 160;
    static final int MAX_CIPHERTEXT = SecretBox.MAC_BYTES + Padding.MAX_PADDED_BYTES;

    public SenderKeyMessage {
        Objects.requireNonNull(groupId, "groupId");
        if (iteration < 0 || salt.length != 16 || signature.length != Ed25519.SIGNATURE_BYTES
                || ciphertext.length < MIN_CIPHERTEXT || ciphertext.length > MAX_CIPHERTEXT) {
            throw new IllegalArgumentException("sender key message: bad field sizes");
        }
        salt = salt.clone();
        ciphertext = ciphertext.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Bytes 0..40: what the cipher key is bound to. */
    static byte[] header(GroupId groupId, int keyId, int iteration, byte[] salt) {
        return ByteBuffer.allocate(HEADER_BYTES).put(VERSION).put(groupId.bytes()).putInt(keyId).putInt(iteration)
                .put(salt).array();
    }

    /** Everything the signature covers (without its label). */
    byte[] signedPart() {
        return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length).put(header(groupId, keyId, iteration, salt))
                .put(ciphertext).array();
    }

    public byte[] serialize() {
        byte[] signed = signedPart();
        return ByteBuffer.allocate(signed.length + signature.length).put(signed).put(signature).array();
    }

    public static SenderKeyMessage deserialize(byte[] bytes) throws InvalidMessageException,
            UnsupportedVersionException {
        if (bytes == null || bytes.length < HEADER_BYTES + MIN_CIPHERTEXT + Ed25519.SIGNATURE_BYTES
                || bytes.length > HEADER_BYTES + MAX_CIPHERTEXT + Ed25519.SIGNATURE_BYTES) {
            throw new InvalidMessageException("sender key message: length out of range");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != VERSION) {
            throw new UnsupportedVersionException("sender key message: unknown version");
        }
        byte[] group = new byte[GroupId.BYTES];
        in.get(group);
        int keyId = in.getInt();
        int iteration = in.getInt();
        if (iteration < 0) {
            throw new InvalidMessageException("sender key message: iteration out of range");
        }
        byte[] salt = new byte[16];
        in.get(salt);
        byte[] ciphertext = new byte[in.remaining() - Ed25519.SIGNATURE_BYTES];
        in.get(ciphertext);
        byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
        in.get(signature);
        return new SenderKeyMessage(new GroupId(group), keyId, iteration, salt, ciphertext, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderKeyMessage m && Arrays.equals(serialize(), m.serialize());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(serialize());
    }

    @Override
    public String toString() {
        return "SenderKeyMessage[" + groupId + ", key " + keyId + ", iteration " + iteration + "]";
    }
}
