package dev.parley.crypto.prekey;

import dev.parley.crypto.primitives.MlKem1024;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The public half of a KEM prekey (ML-KEM-1024), as published to the relay: either the owner's last-resort KEM
 * prekey (handed out whenever no one-time KEM prekey is left) or a one-time KEM prekey (handed out at most once).
 * Both kinds are signed alike; only the owner knows which kind an id is.
 *
 * @param id        the owner's identifier for this KEM prekey, unique per owner across both kinds
 * @param publicKey 1568-byte ML-KEM-1024 encapsulation key
 * @param signature 64-byte Ed25519 signature by the owner's identity key over {@link #signedMessage(int, byte[])}
 */
public record KemPreKeyPublic(int id, byte[] publicKey, byte[] signature) {
    /** Domain label prefixed to every KEM-prekey signature. */
    public static final String SIGNATURE_LABEL = "parley/v2/kem-prekey";

    public KemPreKeyPublic {
        if (publicKey == null || publicKey.length != MlKem1024.PUBLIC_KEY_BYTES || signature == null
                || signature.length != 64) {
            throw new IllegalArgumentException("KEM prekey: 1568-byte key and 64-byte signature expected");
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
        return o instanceof KemPreKeyPublic other && id == other.id
                && Arrays.equals(publicKey, other.publicKey) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "KemPreKeyPublic[id=" + id + "]";
    }
}
