package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.inmemory.InMemoryIdentityKeyStore;
import dev.parley.crypto.store.inmemory.InMemoryPreKeyStore;
import dev.parley.crypto.store.inmemory.InMemorySessionStore;
import dev.parley.crypto.store.inmemory.InMemorySignedPreKeyStore;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.net.TyrusRelayConnector;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A registered user speaking the wire protocol directly with crypto-core and in-memory stores (no profile): it can
 * seal messages under any sender name it likes, as an attacker outside the client would.
 */
final class OutsideClient implements AutoCloseable {
    private static final CryptoProvider CRYPTO = TestNetwork.CRYPTO;

    private final RelayLink link;
    private final IdentityKeyPair identity;
    private final ProtocolContext context = ProtocolContext.of(CRYPTO);
    private final ProtocolStores stores;
    private final java.util.Map<String, IdentityKey> peers = new java.util.HashMap<>();

    private OutsideClient(RelayLink link, IdentityKeyPair identity) {
        this.link = link;
        this.identity = identity;
        this.stores = new ProtocolStores(new InMemorySessionStore(), new InMemoryIdentityKeyStore(identity),
                new InMemoryPreKeyStore(), new InMemorySignedPreKeyStore(),
                new dev.parley.crypto.store.inmemory.InMemoryKemPreKeyStore());
    }

    static OutsideClient register(TestNetwork network, String name) throws Exception {
        IdentityKeyPair identity = IdentityKeyPair.generate(CRYPTO, CRYPTO.random());
        CompletableFuture<Push.Challenge> challenge = new CompletableFuture<>();
        RelayLink link = TyrusRelayConnector.standard().connect(network.address(), new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                if (push instanceof Push.Challenge c) {
                    challenge.complete(c);
                }
            }

            @Override
            public void onClosed(String reason) {
                challenge.completeExceptionally(new IllegalStateException("closed: " + reason));
            }
        });
        PreKeyGenerator generator = new PreKeyGenerator(ProtocolContext.of(CRYPTO));
        var signed = generator.generateSignedPreKey(identity, 1);
        var lastResort = generator.generateKemPreKey(identity, 1, true);
        assertThat(link.request(new Request.Register(name, identity.publicKey().bytes(), signed.publicPart(), List.of(),
                lastResort.publicPart(), List.of(), null)).get(30, TimeUnit.SECONDS)).isInstanceOf(Response.Ok.class);
        Push.Challenge c = challenge.get(30, TimeUnit.SECONDS);
        byte[] signature = CRYPTO.ed25519().sign(identity.signingKeyPair(), AuthProof.signedMessage(c.relayId(), c.nonce(), name));
        assertThat(link.request(new Request.Authenticate(name, signature)).get(30, TimeUnit.SECONDS))
                .isInstanceOf(Response.Authenticated.class);
        return new OutsideClient(link, identity);
    }

    /** Starts a session with {@code to} and sends it a text sealed under the sender name {@code claimedName}. */
    void sendTextAs(String claimedName, String to, String text) throws Exception {
        sendAs(claimedName, to, new Payload.Text(MessageId.random(CRYPTO.random()), System.currentTimeMillis(), text));
    }

    /** Sends {@code payload} to {@code to} sealed under the sender name {@code claimedName} (a session on first use). */
    void sendAs(String claimedName, String to, Payload payload) throws Exception {
        Username peer = new Username(to);
        if (!peers.containsKey(to)) {
            Response.Bundle bundle = (Response.Bundle) link.request(new Request.FetchBundle(to)).get(30, TimeUnit.SECONDS);
            new SessionBuilder(stores, context, peer).initiate(bundle.bundle());
            peers.put(to, new IdentityKey(bundle.bundle().identityKey()));
        }
        var ciphertext = new SessionCipher(stores, context, peer).encrypt(payload);
        IdentityKey recipient = peers.get(to);
        byte[] blob = new SealedSender(CRYPTO).seal(recipient, identity, new Username(claimedName), ciphertext);
        byte[] clientMessageId = MessageId.random(CRYPTO.random()).bytes();
        assertThat(link.request(new Request.Send(to, clientMessageId, blob)).get(30, TimeUnit.SECONDS))
                .isInstanceOf(Response.SendAccepted.class);
    }

    @Override
    public void close() {
        link.close();
    }
}
