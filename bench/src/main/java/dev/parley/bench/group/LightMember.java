package dev.parley.bench.group;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.envelope.TrustedRelayKey;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.KemPreKeyRecord;
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
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.util.List;

/**
 * A lightweight relay account whose keys the benchmark holds (no profile, no database): an identity, a signed prekey
 * and a last-resort KEM prekey in in-memory stores. It registers, signs in (keeping the relay's sender certificate),
 * starts sessions from bundles, seals payloads to a peer and opens the pairwise envelopes it is sent, as a client's
 * protocol layer does.
 */
final class LightMember {
    final String name;
    final IdentityKeyPair identity;
    private final CryptoProvider crypto;
    private final ProtocolContext context;
    private final ProtocolStores stores;
    private final SignedPreKeyRecord signed;
    private final KemPreKeyRecord lastResort;
    private final SealedSender sealedSender;
    private SenderCertificate certificate;
    private TrustedRelayKey relayKey;

    LightMember(CryptoProvider crypto, String name) {
        this.name = name;
        this.crypto = crypto;
        this.context = ProtocolContext.of(crypto);
        this.identity = IdentityKeyPair.generate(crypto, crypto.random());
        this.stores = new ProtocolStores(new InMemorySessionStore(), new InMemoryIdentityKeyStore(identity),
                new InMemoryPreKeyStore(), new InMemorySignedPreKeyStore(), new InMemoryKemPreKeyStore());
        PreKeyGenerator generator = new PreKeyGenerator(context);
        this.signed = generator.generateSignedPreKey(identity, 1);
        this.lastResort = generator.generateKemPreKey(identity, 1, true);
        this.sealedSender = new SealedSender(crypto);
        try {
            stores.signedPreKeys().storeSignedPreKey(signed);
            stores.kemPreKeys().storeKemPreKey(lastResort);
        } catch (Exception e) {
            throw new IllegalStateException("in-memory prekey stores refused a key", e);
        }
    }

    Request.Register registration(Push.Challenge challenge) {
        byte[] proof = crypto.ed25519().sign(identity.signingKeyPair(),
                AuthProof.registrationMessage(challenge.relayId(), name));
        return new Request.Register(name, identity.publicKey().bytes(), signed.publicPart(), List.of(),
                lastResort.publicPart(), List.of(), null, proof);
    }

    Request.Authenticate authentication(Push.Challenge challenge) {
        return new Request.Authenticate(name, crypto.ed25519().sign(identity.signingKeyPair(),
                AuthProof.signedMessage(challenge.relayId(), challenge.nonce(), name, AuthProof.noChannel())));
    }

    /** Keeps what signing in gave: the sender certificate and the relay's signing key (to check others' certificates). */
    void signedIn(Push.Challenge challenge, Response.Authenticated authenticated) throws Exception {
        certificate = SenderCertificate.parse(authenticated.senderCertificate());
        relayKey = TrustedRelayKey.of(challenge.signingKey());
    }

    SenderCertificate certificate() {
        return certificate;
    }

    synchronized void startSession(String peer, PreKeyBundle bundle) throws Exception {
        new SessionBuilder(stores, context, new Username(peer)).initiate(bundle);
    }

    /** {@code payload} encrypted on the session with {@code peer} and sealed to its identity key. */
    synchronized byte[] seal(String peer, IdentityKey peerKey, Payload payload) throws Exception {
        return sealedSender.seal(peerKey, identity, certificate,
                new SessionCipher(stores, context, new Username(peer)).encrypt(payload));
    }

    /** A pairwise envelope opened: who sent it (authenticated) and the payload. */
    record Opened(String sender, IdentityKey senderKey, Payload payload) {
    }

    synchronized Opened open(byte[] sealed) throws Exception {
        OpenedEnvelope envelope = sealedSender.open(identity, sealed, relayKey, System.currentTimeMillis());
        Payload payload = new SessionCipher(stores, context, envelope.senderUsername())
                .decrypt(envelope.senderIdentity(), envelope.message(), DecryptionCallback.NONE);
        return new Opened(envelope.senderUsername().value(), envelope.senderIdentity(), payload);
    }
}
