package dev.parley.crypto.testing;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoException;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.SessionStore;
import dev.parley.crypto.store.inmemory.InMemoryIdentityKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryKemPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemorySessionStore;
import dev.parley.crypto.store.inmemory.InMemorySignedPreKeyStore;
import java.util.Optional;

/**
 * One user in an Alice/Bob protocol test: a real identity, real in-memory stores, a deterministic random source and
 * a hand-moved clock. Shared in crypto-core's test-jar.
 */
public final class TestParty {
    public final Username name;
    public final CryptoProvider crypto;
    public final IdentityKeyPair identity;
    public final ProtocolStores stores;
    public final ProtocolContext context;
    public final MutableClock clock;
    private final DeterministicRandom random;
    /** The id of this party's last-resort KEM prekey. */
    public static final int LAST_RESORT_KEM_ID = 1;
    private int nextOneTimeId = 100;
    private int nextKemId = 1000;

    public TestParty(String name, CryptoProvider crypto, long seed, MutableClock clock, RatchetLimits limits) {
        this(name, crypto, seed, clock, limits, new InMemorySessionStore());
    }

    /** A party whose sessions live in {@code sessionStore} (for store contract tests). */
    public TestParty(String name, CryptoProvider crypto, long seed, MutableClock clock, RatchetLimits limits,
            SessionStore sessionStore) {
        this.name = new Username(name);
        this.crypto = crypto;
        this.clock = clock;
        this.random = new DeterministicRandom(seed);
        this.identity = IdentityKeyPair.generate(crypto, random);
        this.stores = new ProtocolStores(sessionStore, new InMemoryIdentityKeyStore(identity),
                new InMemoryPreKeyStore(), new InMemorySignedPreKeyStore(), new InMemoryKemPreKeyStore());
        this.context = new ProtocolContext(crypto, random, clock, limits);
    }

    public TestParty(String name, CryptoProvider crypto, long seed) {
        this(name, crypto, seed, new MutableClock(), RatchetLimits.DEFAULT);
    }

    /**
     * Generates, stores and returns a bundle with signed prekey {@code signedId}, optionally a new one-time prekey,
     * and a new one-time KEM prekey.
     */
    public PreKeyBundle publishBundle(int signedId, boolean withOneTimePreKey) {
        return publishBundle(signedId, withOneTimePreKey, false);
    }

    /**
     * As {@link #publishBundle(int, boolean)}; with {@code lastResortKem} the bundle carries this party's last-resort
     * KEM prekey (created on first use, id 1) instead of a new one-time KEM prekey.
     */
    public PreKeyBundle publishBundle(int signedId, boolean withOneTimePreKey, boolean lastResortKem) {
        PreKeyGenerator generator = new PreKeyGenerator(context);
        SignedPreKeyRecord signed = generator.generateSignedPreKey(identity, signedId);
        stores.signedPreKeys().storeSignedPreKey(signed);
        Optional<OneTimePreKeyRecord> oneTime = Optional.empty();
        if (withOneTimePreKey) {
            OneTimePreKeyRecord record = generator.generateOneTimePreKeys(nextOneTimeId++, 1).get(0);
            stores.preKeys().storePreKey(record);
            oneTime = Optional.of(record);
        }
        KemPreKeyRecord kem;
        if (lastResortKem) {
            kem = stores.kemPreKeys().containsKemPreKey(LAST_RESORT_KEM_ID)
                    ? loadKem(LAST_RESORT_KEM_ID) : generator.generateKemPreKey(identity, LAST_RESORT_KEM_ID, true);
        } else {
            kem = generator.generateKemPreKey(identity, nextKemId++, false);
        }
        stores.kemPreKeys().storeKemPreKey(kem);
        return PreKeyGenerator.bundle(identity, signed, oneTime, kem);
    }

    private KemPreKeyRecord loadKem(int id) {
        try {
            return stores.kemPreKeys().loadKemPreKey(id);
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
    }

    public void initiate(TestParty peer, PreKeyBundle bundle) throws ProtocolException {
        new SessionBuilder(stores, context, peer.name).initiate(bundle);
    }

    public SessionCipher cipherFor(TestParty peer) {
        return new SessionCipher(stores, context, peer.name);
    }

    public CiphertextMessage encrypt(TestParty peer, String text) throws ProtocolException {
        return cipherFor(peer).encrypt(text(text));
    }

    /** Decrypts a message from {@code peer} claiming the peer's identity, returning the text. */
    public String decrypt(TestParty peer, CiphertextMessage message) throws ProtocolException {
        Payload payload = cipherFor(peer).decrypt(peer.identity.publicKey(), message, DecryptionCallback.NONE);
        return ((Payload.Text) payload).text();
    }

    public byte[] seal(TestParty recipient, CiphertextMessage message) throws CryptoException {
        return new SealedSender(crypto).seal(recipient.identity.publicKey(), identity,
                relay().issue(name.value(), identity.publicKey(), clock.millis()), message);
    }

    /** Opens with the shared test relay's key pinned, at this party's clock time. */
    public OpenedEnvelope open(byte[] sealed) throws ProtocolException {
        return new SealedSender(crypto).open(identity, sealed, relay().trusted(), clock.millis());
    }

    /** The relay signing key all test parties pin. */
    public TestRelayKey relay() {
        return new TestRelayKey(crypto, (byte) 0x52);
    }

    public Payload.Text text(String text) {
        return new Payload.Text(MessageId.random(random), clock.millis(), text);
    }
}
