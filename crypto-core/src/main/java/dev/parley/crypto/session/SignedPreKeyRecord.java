package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signed prekey with its private key, as the owner's {@code SignedPreKeyStore} keeps it. Serialized form:
 * {@code version (1) || id (u32) || createdAt epoch millis (i64) || public key (32) || private key (32) ||
 * signature (64)}; secret, store it only encrypted.
 */
public final class SignedPreKeyRecord {
    public static final byte FORMAT_VERSION = 1;
    static final int SERIALIZED_BYTES = 1 + 4 + 8 + 32 + 32 + 64;

    private final int id;
    private final Instant createdAt;
    private final X25519KeyPair keyPair;
    private final byte[] signature;

    public SignedPreKeyRecord(int id, Instant createdAt, X25519KeyPair keyPair, byte[] signature) {
        if (signature.length != 64) {
            throw new IllegalArgumentException("signed prekey: 64-byte signature expected");
        }
        this.id = id;
        this.createdAt = Instant.ofEpochMilli(createdAt.toEpochMilli());
        this.keyPair = Objects.requireNonNull(keyPair);
        this.signature = signature.clone();
    }

    public int id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public X25519KeyPair keyPair() {
        return keyPair;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The public half to publish to the relay. */
    public SignedPreKeyPublic publicPart() {
        return new SignedPreKeyPublic(id, keyPair.publicKey(), signature);
    }

    public byte[] serialize() {
        byte[] priv = keyPair.privateKey().bytes();
        try {
            return ByteBuffer.allocate(SERIALIZED_BYTES).put(FORMAT_VERSION).putInt(id).putLong(createdAt.toEpochMilli())
                    .put(keyPair.publicKey()).put(priv).put(signature).array();
        } finally {
            SecretBytes.wipe(priv);
        }
    }

    public static SignedPreKeyRecord deserialize(byte[] bytes) throws UnsupportedVersionException, CorruptStateException {
        if (bytes == null || bytes.length == 0) {
            throw new CorruptStateException("signed prekey record: empty input");
        }
        if (bytes[0] != FORMAT_VERSION) {
            throw new UnsupportedVersionException("signed prekey record: unknown version " + bytes[0]);
        }
        if (bytes.length != SERIALIZED_BYTES) {
            throw new CorruptStateException("signed prekey record: wrong length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int id = in.getInt();
        Instant createdAt = Instant.ofEpochMilli(in.getLong());
        byte[] pub = new byte[32];
        in.get(pub);
        byte[] priv = new byte[32];
        in.get(priv);
        byte[] signature = new byte[64];
        in.get(signature);
        return new SignedPreKeyRecord(id, createdAt, new X25519KeyPair(pub, SecretBytes.wrap(priv)), signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedPreKeyRecord other && Arrays.equals(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "SignedPreKeyRecord[id=" + id + ", createdAt=" + createdAt + ", private key hidden]";
    }
}
