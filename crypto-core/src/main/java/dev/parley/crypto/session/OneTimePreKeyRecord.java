package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A one-time prekey with its private key, as the owner's {@code PreKeyStore} keeps it. Serialized form:
 * {@code version (1) || id (u32) || public key (32) || private key (32)}; secret, store it only encrypted.
 */
public final class OneTimePreKeyRecord {
    public static final byte FORMAT_VERSION = 1;
    static final int SERIALIZED_BYTES = 1 + 4 + 32 + 32;

    private final int id;
    private final X25519KeyPair keyPair;

    public OneTimePreKeyRecord(int id, X25519KeyPair keyPair) {
        this.id = id;
        this.keyPair = Objects.requireNonNull(keyPair);
    }

    public int id() {
        return id;
    }

    public X25519KeyPair keyPair() {
        return keyPair;
    }

    /** The public half to publish to the relay. */
    public OneTimePreKeyPublic publicPart() {
        return new OneTimePreKeyPublic(id, keyPair.publicKey());
    }

    public byte[] serialize() {
        byte[] priv = keyPair.privateKey().bytes();
        try {
            return ByteBuffer.allocate(SERIALIZED_BYTES).put(FORMAT_VERSION).putInt(id).put(keyPair.publicKey())
                    .put(priv).array();
        } finally {
            SecretBytes.wipe(priv);
        }
    }

    public static OneTimePreKeyRecord deserialize(byte[] bytes) throws UnsupportedVersionException, CorruptStateException {
        if (bytes == null || bytes.length == 0) {
            throw new CorruptStateException("one-time prekey record: empty input");
        }
        if (bytes[0] != FORMAT_VERSION) {
            throw new UnsupportedVersionException("one-time prekey record: unknown version " + bytes[0]);
        }
        if (bytes.length != SERIALIZED_BYTES) {
            throw new CorruptStateException("one-time prekey record: wrong length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int id = in.getInt();
        byte[] pub = new byte[32];
        in.get(pub);
        byte[] priv = new byte[32];
        in.get(priv);
        return new OneTimePreKeyRecord(id, new X25519KeyPair(pub, SecretBytes.wrap(priv)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneTimePreKeyRecord other && Arrays.equals(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "OneTimePreKeyRecord[id=" + id + ", private key hidden]";
    }
}
