package dev.parley.crypto.session;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * A KEM prekey (ML-KEM-1024) with its private key, as the owner's {@code KemPreKeyStore} keeps it: the private key
 * is kept as its 64-byte seed. Serialized form: {@code version (1) || id (u32) || createdAt epoch millis (i64) ||
 * lastResort (u8, 0 or 1) || seed (64) || public key (1568) || signature (64)}; secret, store it only encrypted.
 */
public final class KemPreKeyRecord {
    public static final byte FORMAT_VERSION = 1;
    static final int SERIALIZED_BYTES = 1 + 4 + 8 + 1 + MlKem1024.SEED_BYTES + MlKem1024.PUBLIC_KEY_BYTES + 64;

    private final int id;
    private final Instant createdAt;
    private final boolean lastResort;
    private final byte[] seed;
    private final KemPreKeyPublic publicPart;

    public KemPreKeyRecord(int id, Instant createdAt, boolean lastResort, SecretBytes seed, byte[] publicKey,
            byte[] signature) {
        if (seed.length() != MlKem1024.SEED_BYTES) {
            throw new IllegalArgumentException("KEM prekey: 64-byte seed expected");
        }
        this.id = id;
        this.createdAt = Instant.ofEpochMilli(createdAt.toEpochMilli());
        this.lastResort = lastResort;
        this.seed = seed.bytes();
        this.publicPart = new KemPreKeyPublic(id, publicKey, signature);
    }

    public int id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** True for the last-resort KEM prekey (kept after use), false for a one-time one (deleted after use). */
    public boolean isLastResort() {
        return lastResort;
    }

    /** A copy of the private key's seed {@code d || z} (secret). */
    public SecretBytes seed() {
        return SecretBytes.copyOf(seed);
    }

    /** The public half to publish to the relay. */
    public KemPreKeyPublic publicPart() {
        return publicPart;
    }

    public byte[] serialize() {
        return ByteBuffer.allocate(SERIALIZED_BYTES).put(FORMAT_VERSION).putInt(id).putLong(createdAt.toEpochMilli())
                .put((byte) (lastResort ? 1 : 0)).put(seed).put(publicPart.publicKey()).put(publicPart.signature())
                .array();
    }

    public static KemPreKeyRecord deserialize(byte[] bytes) throws UnsupportedVersionException, CorruptStateException {
        if (bytes == null || bytes.length == 0) {
            throw new CorruptStateException("KEM prekey record: empty input");
        }
        if (bytes[0] != FORMAT_VERSION) {
            throw new UnsupportedVersionException("KEM prekey record: unknown version " + bytes[0]);
        }
        if (bytes.length != SERIALIZED_BYTES) {
            throw new CorruptStateException("KEM prekey record: wrong length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int id = in.getInt();
        Instant createdAt = Instant.ofEpochMilli(in.getLong());
        byte flag = in.get();
        if (flag != 0 && flag != 1) {
            throw new CorruptStateException("KEM prekey record: bad last-resort flag");
        }
        byte[] seed = new byte[MlKem1024.SEED_BYTES];
        in.get(seed);
        byte[] pub = new byte[MlKem1024.PUBLIC_KEY_BYTES];
        in.get(pub);
        byte[] signature = new byte[64];
        in.get(signature);
        return new KemPreKeyRecord(id, createdAt, flag == 1, SecretBytes.wrap(seed), pub, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KemPreKeyRecord other && Arrays.equals(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "KemPreKeyRecord[id=" + id + ", lastResort=" + lastResort + ", createdAt=" + createdAt
                + ", private key hidden]";
    }
}
