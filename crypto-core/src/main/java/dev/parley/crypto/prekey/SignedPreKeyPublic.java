package dev.parley.crypto.prekey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The public half of a signed prekey, as published to the relay.
 *
 * @param id        the owner's identifier for this prekey, unique per owner
 * @param publicKey 32-byte X25519 public key
 * @param signature 64-byte Ed25519 signature by the owner's identity key over {@link #signedMessage(int, byte[])}
 */
public record SignedPreKeyPublic(int id, byte[] publicKey, byte[] signature) {
    /** Domain label prefixed to every signed-prekey signature. */
    public static final String SIGNATURE_LABEL = "parley/v1/signed-prekey";

    public SignedPreKeyPublic {
        if (publicKey.length != 32 || signature.length != 64) {
            throw new IllegalArgumentException("signed prekey: 32-byte key and 64-byte signature expected");
        }
        publicKey = publicKey.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the identity key signs: UTF-8 label || 0x00 || id (4 bytes, big-endian) || public key. */
    public static byte[] signedMessage(int id, byte[] publicKey) {
        byte[] label = SIGNATURE_LABEL.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(label.length + 1 + 4 + publicKey.length)
                .put(label).put((byte) 0).putInt(id).put(publicKey).array();
    }

    public byte[] signedMessage() {
        return signedMessage(id, publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPreKeyPublic other && id == other.id
                && Arrays.equals(publicKey, other.publicKey) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "SignedPreKeyPublic[id=" + id + "]";
    }
}
