package dev.parley.crypto.session;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.primitives.X25519;
import dev.parley.crypto.primitives.X25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates signed, one-time and KEM prekeys from the context's randomness and clock, and says when a signed prekey
 * or the last-resort KEM prekey is due for rotation ({@link #ROTATION_INTERVAL}) and when a replaced one may be
 * deleted ({@link #RETENTION}: late first messages naming it still decrypt until then).
 */
public final class PreKeyGenerator {
    /** Publish a new signed prekey once the current one is this old. */
    public static final Duration ROTATION_INTERVAL = Duration.ofDays(7);
    /** Keep a replaced signed prekey this long after its replacement was created. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final ProtocolContext context;

    public PreKeyGenerator(ProtocolContext context) {
        this.context = context;
    }

    /** A new signed prekey whose signature (Ed25519 over {@link SignedPreKeyPublic#signedMessage}) is by {@code identity}. */
    public SignedPreKeyRecord generateSignedPreKey(IdentityKeyPair identity, int id) {
        X25519KeyPair keyPair = newKeyPair();
        byte[] signature = context.crypto().ed25519().sign(identity.signingKeyPair(),
                SignedPreKeyPublic.signedMessage(id, keyPair.publicKey()));
        return new SignedPreKeyRecord(id, context.clock().instant(), keyPair, signature);
    }

    /** {@code count} one-time prekeys with ids {@code startId, startId + 1, ...}. */
    public List<OneTimePreKeyRecord> generateOneTimePreKeys(int startId, int count) {
        if (count < 0 || (long) startId + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("one-time prekeys: bad id range");
        }
        List<OneTimePreKeyRecord> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(new OneTimePreKeyRecord(startId + i, newKeyPair()));
        }
        return keys;
    }

    /**
     * A new KEM prekey (ML-KEM-1024 from a 64-byte random seed), signed by {@code identity} over
     * {@link KemPreKeyPublic#signedMessage}.
     *
     * @param lastResort true for the last-resort KEM prekey, false for a one-time one
     */
    public KemPreKeyRecord generateKemPreKey(IdentityKeyPair identity, int id, boolean lastResort) {
        byte[] seed = context.random().bytes(MlKem1024.SEED_BYTES);
        try (SecretBytes secret = SecretBytes.copyOf(seed)) {
            byte[] publicKey = MlKem1024.publicKey(secret);
            byte[] signature = context.crypto().ed25519().sign(identity.signingKeyPair(),
                    KemPreKeyPublic.signedMessage(id, publicKey));
            return new KemPreKeyRecord(id, context.clock().instant(), lastResort, secret, publicKey, signature);
        } finally {
            SecretBytes.wipe(seed);
        }
    }

    /** {@code count} one-time KEM prekeys with ids {@code startId, startId + 1, ...}. */
    public List<KemPreKeyRecord> generateOneTimeKemPreKeys(IdentityKeyPair identity, int startId, int count) {
        if (count < 0 || (long) startId + count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("KEM prekeys: bad id range");
        }
        List<KemPreKeyRecord> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(generateKemPreKey(identity, startId + i, false));
        }
        return keys;
    }

    /** Whether {@code current} is older than {@link #ROTATION_INTERVAL}. */
    public boolean isRotationDue(SignedPreKeyRecord current) {
        return isRotationDue(current.createdAt());
    }

    /** Whether a key created at {@code createdAt} is older than {@link #ROTATION_INTERVAL}. */
    public boolean isRotationDue(Instant createdAt) {
        return !createdAt.plus(ROTATION_INTERVAL).isAfter(context.clock().instant());
    }

    /** Whether a signed prekey replaced by one created at {@code replacementCreatedAt} may now be deleted. */
    public boolean mayDelete(Instant replacementCreatedAt) {
        return !replacementCreatedAt.plus(RETENTION).isAfter(context.clock().instant());
    }

    /** The bundle to publish for {@code identity} with the given prekeys. */
    public static PreKeyBundle bundle(IdentityKeyPair identity, SignedPreKeyRecord signedPreKey,
            Optional<OneTimePreKeyRecord> oneTimePreKey, KemPreKeyRecord kemPreKey) {
        Optional<OneTimePreKeyPublic> opk = oneTimePreKey.map(OneTimePreKeyRecord::publicPart);
        return new PreKeyBundle(identity.publicKey().bytes(), signedPreKey.publicPart(), opk, kemPreKey.publicPart());
    }

    private X25519KeyPair newKeyPair() {
        byte[] seed = context.random().bytes(X25519.KEY_BYTES);
        try {
            return context.crypto().x25519().keyPairFrom(SecretBytes.wrap(seed.clone()));
        } finally {
            SecretBytes.wipe(seed);
        }
    }
}
