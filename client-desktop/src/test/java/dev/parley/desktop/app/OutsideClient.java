package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.envelope.SealedSender;
import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.envelope.TrustedRelayKey;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.kdf.Kdf;
import dev.parley.crypto.kdf.Label;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.session.CiphertextMessage;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An attacker's client built only on crypto-core and the wire protocol (no Parley client code on its side): a
 * registered user who can seal anything the format allows, with any certificate bytes, and send it to anyone.
 */
final class OutsideClient implements AutoCloseable {
    private static final CryptoProvider CRYPTO = TestNetwork.CRYPTO;

    final String name;
    final IdentityKeyPair identity = IdentityKeyPair.generate(CRYPTO, CRYPTO.random());
    private final ProtocolContext context = ProtocolContext.of(CRYPTO);
    private final ProtocolStores stores = new ProtocolStores(new InMemorySessionStore(),
            new InMemoryIdentityKeyStore(identity), new InMemoryPreKeyStore(), new InMemorySignedPreKeyStore(),
            new dev.parley.crypto.store.inmemory.InMemoryKemPreKeyStore());
    private final java.util.Map<String, IdentityKey> peers = new java.util.HashMap<>();
    private final BlockingQueue<Push.Deliver> delivered = new LinkedBlockingQueue<>();
    private final RelayLink link;
    private final Push.Challenge challenge;
    /** The certificate the relay issued to this client at login. */
    final SenderCertificate certificate;

    private OutsideClient(TestNetwork network, String name) throws Exception {
        this.name = name;
        CompletableFuture<Push.Challenge> first = new CompletableFuture<>();
        link = TyrusRelayConnector.standard().connect(network.address(), new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                if (push instanceof Push.Challenge c) {
                    first.complete(c);
                } else if (push instanceof Push.Deliver d) {
                    delivered.add(d);
                }
            }

            @Override
            public void onClosed(String reason) {
                first.completeExceptionally(new IllegalStateException("closed"));
            }
        });
        challenge = first.get(30, TimeUnit.SECONDS);
        PreKeyGenerator generator = new PreKeyGenerator(context);
        var signed = generator.generateSignedPreKey(identity, 1);
        stores.signedPreKeys().storeSignedPreKey(signed);
        var lastResort = generator.generateKemPreKey(identity, 1, true);
        stores.kemPreKeys().storeKemPreKey(lastResort);     // so sessions others start with it can be read
        byte[] proof = CRYPTO.ed25519().sign(identity.signingKeyPair(), AuthProof.registrationMessage(challenge.relayId(), name));
        assertThat(link.request(new Request.Register(name, identity.publicKey().bytes(), signed.publicPart(), List.of(),
                lastResort.publicPart(), List.of(), null, proof)).get(30, TimeUnit.SECONDS)).isInstanceOf(Response.Ok.class);
        byte[] signature = CRYPTO.ed25519().sign(identity.signingKeyPair(),
                AuthProof.signedMessage(challenge.relayId(), challenge.nonce(), name, AuthProof.noChannel()));
        Response answer = link.request(new Request.Authenticate(name, signature)).get(30, TimeUnit.SECONDS);
        certificate = SenderCertificate.parse(((Response.Authenticated) answer).senderCertificate());
    }

    static OutsideClient register(TestNetwork network, String name) throws Exception {
        return new OutsideClient(network, name);
    }

    /** The relay key every honest profile on this relay pinned. */
    TrustedRelayKey relayKey() {
        return TrustedRelayKey.of(challenge.signingKey());
    }

    /** Starts a session with {@code peer} from its bundle; returns the peer's identity key. */
    IdentityKey startSession(String peer) throws Exception {
        PreKeyBundle bundle = bundle(peer);
        new SessionBuilder(stores, context, new Username(peer)).initiate(bundle);
        return new IdentityKey(bundle.identityKey());
    }

    /** {@code peer}'s bundle as the relay hands it out now. */
    PreKeyBundle bundle(String peer) throws Exception {
        return ((Response.Bundle) link.request(new Request.FetchBundle(peer)).get(30, TimeUnit.SECONDS)).bundle();
    }

    /** Fetches {@code peer}'s bundle now and starts the session that {@link #sendAs} will use. */
    void startSessionNow(String peer) throws Exception {
        peers.put(peer, startSession(peer));
    }

    CiphertextMessage encrypt(String peer, String text) throws Exception {
        return new SessionCipher(stores, context, new Username(peer))
                .encrypt(new Payload.Text(MessageId.random(CRYPTO.random()), System.currentTimeMillis(), text));
    }

    /** The certificate inside the next envelope delivered to this client (what a recipient can see of a sender). */
    SenderCertificate certificateOfNextDelivery() throws Exception {
        Push.Deliver deliver = delivered.poll(30, TimeUnit.SECONDS);
        assertThat(deliver).as("a delivery").isNotNull();
        link.fireAll(List.of(new Request.Ack(deliver.messageId())));
        return new SealedSender(CRYPTO).open(identity, deliver.blob(), relayKey(), deliver.receivedAtMillis()).certificate();
    }

    /** Seals honestly, with the client's own identity key and the given certificate. */
    byte[] seal(IdentityKey recipient, SenderCertificate with, CiphertextMessage message) throws Exception {
        return new SealedSender(CRYPTO).seal(recipient, identity, with, message);
    }

    /**
     * Seals the v2 inner layout by hand with any certificate bytes and a valid MAC under this client's own identity
     * key (all an outsider can compute), bypassing SealedSender's own checks.
     */
    byte[] sealRaw(IdentityKey recipient, byte[] certificateBytes, CiphertextMessage message) throws Exception {
        byte[] senderIk = identity.publicKey().bytes();
        byte[] recipientIk = recipient.bytes();
        byte[] recipientX = recipient.x25519PublicKey(CRYPTO);
        Kdf kdf = new Kdf(CRYPTO);
        byte[] context = ByteBuffer.allocate(64).put(senderIk).put(recipientIk).array();
        byte[] key;
        try (SecretBytes shared = CRYPTO.x25519().agree(identity.agreementKeyPair().privateKey().copy(), recipientX)) {
            key = kdf.derive(null, shared.bytes(), Label.SEALED_SENDER_KEY, context, 32);
        }
        byte[] body = message.serialize();
        byte[] mac = kdf.hmac(key, Kdf.concat(Label.SEALED_SENDER_MAC, new byte[] {SealedSender.VERSION}, senderIk,
                recipientIk, new byte[] {(byte) certificateBytes.length}, certificateBytes, body));
        byte[] inner = ByteBuffer.allocate(1 + 32 + 1 + SenderCertificate.MAX_BYTES + 32 + body.length)
                .put(SealedSender.VERSION).put(senderIk).put((byte) certificateBytes.length)
                .put(Arrays.copyOf(certificateBytes, SenderCertificate.MAX_BYTES)).put(mac).put(body).array();
        byte[] box = CRYPTO.sealedBox().seal(recipientX, inner);
        byte[] envelope = new byte[box.length + 1];
        envelope[0] = SealedSender.VERSION;
        System.arraycopy(box, 0, envelope, 1, box.length);
        return envelope;
    }

    /** Certificate bytes for any username (even one the relay's rule forbids), signed by a key of the attacker's. */
    byte[] selfSignedCertificate(String username, Ed25519KeyPair fakeRelay) {
        byte[] nameBytes = username.getBytes(StandardCharsets.UTF_8);
        byte[] unsigned = ByteBuffer.allocate(1 + 4 + 8 + 32 + 1 + nameBytes.length).put(SenderCertificate.VERSION)
                .putInt(SenderCertificate.keyIdOf(fakeRelay.publicKey())).putLong(Long.MAX_VALUE)
                .put(identity.publicKey().bytes()).put((byte) nameBytes.length).put(nameBytes).array();
        byte[] signature = CRYPTO.ed25519().sign(fakeRelay, Kdf.concat(Label.SENDER_CERTIFICATE, unsigned));
        return ByteBuffer.allocate(unsigned.length + 64).put(unsigned).put(signature).array();
    }

    /** Fetches {@code peer}'s bundle {@code times} times, using up its one-time prekeys. */
    void drainPreKeys(String peer, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            link.request(new Request.FetchBundle(peer)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Acknowledges, unread, every envelope delivered until none arrives for two seconds; returns how many. */
    int acknowledgeAll() throws Exception {
        int count = 0;
        Push.Deliver deliver;
        while ((deliver = delivered.poll(2, TimeUnit.SECONDS)) != null) {
            link.fireAll(List.of(new Request.Ack(deliver.messageId())));
            count++;
        }
        return count;
    }

    /**
     * The text of the next text message from {@code peer} that decrypts; delivery receipts and envelopes that do not
     * decrypt (receipts sent on sessions this client has since dropped) are acknowledged and skipped.
     */
    String receiveText(String peer) throws Exception {
        while (true) {
            Push.Deliver deliver = delivered.poll(30, TimeUnit.SECONDS);
            assertThat(deliver).as("a text message that decrypts").isNotNull();
            link.fireAll(List.of(new Request.Ack(deliver.messageId())));
            var opened = new SealedSender(CRYPTO).open(identity, deliver.blob(), relayKey(), deliver.receivedAtMillis());
            try {
                Payload payload = new SessionCipher(stores, context, new Username(peer)).decrypt(opened.senderIdentity(),
                        opened.message(), dev.parley.crypto.session.DecryptionCallback.NONE);
                if (payload instanceof Payload.Text text) {
                    return text.text();
                }
            } catch (dev.parley.crypto.exceptions.InvalidMessageException e) {
                // a receipt on a session this client no longer holds
            }
        }
    }

    void send(String to, byte[] blob) throws Exception {
        Response response = link.request(new Request.Send(to, CRYPTO.random().bytes(16), blob)).get(30, TimeUnit.SECONDS);
        assertThat(response).isInstanceOf(Response.SendAccepted.class);
    }

    /**
     * Sends {@code count} distinct texts to {@code to} under this client's own name, {@code window} requests in flight
     * at a time (a flood, as fast as the relay takes them).
     */
    void floodTexts(String to, int count, int window) throws Exception {
        if (!peers.containsKey(to)) {
            peers.put(to, startSession(to));
        }
        IdentityKey recipient = peers.get(to);
        java.util.List<CompletableFuture<Response>> inFlight = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            CiphertextMessage ciphertext = encrypt(to, "flood " + i);
            inFlight.add(link.request(new Request.Send(to, CRYPTO.random().bytes(16), seal(recipient, certificate, ciphertext))));
            if (inFlight.size() == window || i == count - 1) {
                for (CompletableFuture<Response> f : inFlight) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isInstanceOf(Response.SendAccepted.class);
                }
                inFlight.clear();
            }
        }
    }

    /** Starts a session with {@code to} (on first use) and sends it a text sealed under the sender name {@code claimedName}. */
    void sendTextAs(String claimedName, String to, String text) throws Exception {
        sendAs(claimedName, to, new Payload.Text(MessageId.random(CRYPTO.random()), System.currentTimeMillis(), text));
    }

    /**
     * Sends {@code payload} to {@code to} under the sender name {@code claimedName}: with the certificate the relay
     * issued when the name is this client's own, else with a certificate for that name signed by a key of the
     * attacker's (all an outsider can make).
     */
    void sendAs(String claimedName, String to, Payload payload) throws Exception {
        if (!peers.containsKey(to)) {
            peers.put(to, startSession(to));
        }
        IdentityKey recipient = peers.get(to);
        CiphertextMessage ciphertext = new SessionCipher(stores, context, new Username(to)).encrypt(payload);
        byte[] blob = claimedName.equals(name)
                ? seal(recipient, certificate, ciphertext)
                : sealRaw(recipient, selfSignedCertificate(claimedName, CRYPTO.ed25519().generateKeyPair()), ciphertext);
        send(to, blob);
    }

    /** The identity key of {@code peer} this client started a session with. */
    IdentityKey peerKey(String peer) {
        return peers.get(peer);
    }

    /** Uploads {@code body} once with one header per recipient ({@code send_multi}); returns the relay's outcomes. */
    java.util.List<Response.RecipientOutcome> sendMulti(java.util.List<String> to, java.util.List<byte[]> headers,
                                                        byte[] body) throws Exception {
        java.util.List<Request.MultiRecipient> recipients = new java.util.ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            recipients.add(new Request.MultiRecipient(to.get(i), CRYPTO.random().bytes(16), headers.get(i)));
        }
        Response response = link.request(new Request.SendMulti(recipients, body)).get(30, TimeUnit.SECONDS);
        assertThat(response).isInstanceOf(Response.SendMultiResult.class);
        return ((Response.SendMultiResult) response).outcomes();
    }

    /** The next multi-recipient blob delivered to this client, as delivered; everything before it is acknowledged. */
    byte[] nextMultiRecipientBlob() throws Exception {
        while (true) {
            Push.Deliver deliver = delivered.poll(30, TimeUnit.SECONDS);
            assertThat(deliver).as("a multi-recipient delivery").isNotNull();
            link.fireAll(List.of(new Request.Ack(deliver.messageId())));
            if (dev.parley.crypto.wire.MultiRecipientBlob.isMultiRecipient(deliver.blob())) {
                return deliver.blob();
            }
        }
    }

    /** Sender keys this client was given, per group and sender ({@link #openDeliveries}). */
    private final java.util.Map<String, dev.parley.crypto.group.SenderKeyRecord> senderKeys = new java.util.HashMap<>();

    /**
     * Acknowledges and opens everything delivered until nothing more arrives for {@code quiet}: pairwise envelopes
     * (sessions others started, as with a last-resort KEM prekey) and multi-recipient group messages, decrypted with
     * the sender keys delivered before them. Returns the payloads in order, a group message as the payload inside it;
     * what does not open is skipped.
     */
    java.util.List<Payload> openDeliveries(java.time.Duration quiet) throws Exception {
        java.util.List<Payload> payloads = new java.util.ArrayList<>();
        dev.parley.crypto.group.GroupCipher groups = new dev.parley.crypto.group.GroupCipher(CRYPTO, CRYPTO.random());
        Push.Deliver deliver;
        while ((deliver = delivered.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            link.fireAll(List.of(new Request.Ack(deliver.messageId())));
            try {
                java.util.Optional<dev.parley.crypto.wire.MultiRecipientBlob> multi =
                        dev.parley.crypto.wire.MultiRecipientBlob.decode(deliver.blob());
                if (multi.isPresent()) {
                    var opened = new dev.parley.crypto.envelope.MultiRecipientSeal(CRYPTO).open(identity,
                            multi.get().header(), multi.get().body(), relayKey(), deliver.receivedAtMillis());
                    var message = dev.parley.crypto.group.SenderKeyMessage.deserialize(opened.message());
                    String key = message.groupId().hex() + "/" + opened.senderUsername().value();
                    var record = senderKeys.getOrDefault(key, dev.parley.crypto.group.SenderKeyRecord.empty());
                    var decrypted = groups.decrypt(record, message);
                    senderKeys.put(key, decrypted.next());
                    payloads.add(decrypted.payload());
                    continue;
                }
                var opened = new SealedSender(CRYPTO).open(identity, deliver.blob(), relayKey(), deliver.receivedAtMillis());
                Payload payload = new SessionCipher(stores, context, opened.senderUsername()).decrypt(
                        opened.senderIdentity(), opened.message(), dev.parley.crypto.session.DecryptionCallback.NONE);
                if (payload instanceof Payload.SenderKey key) {
                    String name = key.distribution().groupId().hex() + "/" + opened.senderUsername().value();
                    senderKeys.put(name, senderKeys.getOrDefault(name, dev.parley.crypto.group.SenderKeyRecord.empty())
                            .withNewest(dev.parley.crypto.group.SenderKeyState.fromDistribution(key.distribution())));
                }
                payloads.add(payload);
            } catch (dev.parley.crypto.exceptions.ProtocolException e) {
                // not for this client's keys: skipped
            }
        }
        return payloads;
    }

    /** Sends {@code request} and returns the relay's answer (an error response included). */
    Response request(Request request) throws Exception {
        return link.request(request).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        link.close();
    }
}
