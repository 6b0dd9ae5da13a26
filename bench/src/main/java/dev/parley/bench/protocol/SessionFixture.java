package dev.parley.bench.protocol;

import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.inmemory.InMemoryIdentityKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryKemPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemorySessionStore;
import dev.parley.crypto.store.inmemory.InMemorySignedPreKeyStore;
import java.util.Optional;

/** One benchmark user with real in-memory stores. */
final class SessionFixture {
    final Username name;
    final IdentityKeyPair identity;
    final ProtocolStores stores;
    final ProtocolContext context;

    SessionFixture(String name, CryptoProvider crypto, IdentityKeyPair identity) {
        this.name = new Username(name);
        this.identity = identity;
        this.context = ProtocolContext.of(crypto);
        this.stores = new ProtocolStores(new InMemorySessionStore(), new InMemoryIdentityKeyStore(identity),
                new InMemoryPreKeyStore(), new InMemorySignedPreKeyStore(), new InMemoryKemPreKeyStore());
    }

    SessionFixture(String name, CryptoProvider crypto) {
        this(name, crypto, IdentityKeyPair.generate(crypto, crypto.random()));
    }

    /** Benchmarks measure the protocol, not logging: keep crypto-core's per-session debug lines out of the loop. */
    static void quietLogging() {
        org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("dev.parley");
        if (logger instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    static CryptoProvider provider(String name) {
        quietLogging();
        return "bouncycastle".equals(name) ? CryptoProviders.bouncyCastle() : CryptoProviders.libsodium();
    }

    SignedPreKeyRecord publishSignedPreKey(int id) {
        SignedPreKeyRecord signed = new PreKeyGenerator(context).generateSignedPreKey(identity, id);
        stores.signedPreKeys().storeSignedPreKey(signed);
        return signed;
    }

    /** A bundle with a new one-time prekey and a new one-time KEM prekey, both with id {@code oneTimeId}. */
    PreKeyBundle bundle(SignedPreKeyRecord signed, int oneTimeId) {
        PreKeyGenerator generator = new PreKeyGenerator(context);
        OneTimePreKeyRecord oneTime = generator.generateOneTimePreKeys(oneTimeId, 1).get(0);
        stores.preKeys().storePreKey(oneTime);
        KemPreKeyRecord kem = generator.generateKemPreKey(identity, oneTimeId, false);
        stores.kemPreKeys().storeKemPreKey(kem);
        return PreKeyGenerator.bundle(identity, signed, Optional.of(oneTime), kem);
    }

    void initiate(SessionFixture peer, PreKeyBundle bundle) throws ProtocolException {
        new SessionBuilder(stores, context, peer.name).initiate(bundle);
    }

    SessionCipher cipherFor(SessionFixture peer) {
        return new SessionCipher(stores, context, peer.name);
    }
}
