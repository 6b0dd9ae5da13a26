package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.primitives.MlKem1024;
import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: Parley's client asks for lean answers (docs/protocol.md part 2, "Lean answers") and sends its acks fire and
 * forget. Against the real relay: on a lean link an ack takes effect and is not answered; against a relay that answers
 * every ack (as one that does not know the parameter does: here a link that does not ask) the {@code ok} arrives and is
 * dropped. One relay for the class, with a long direct-delivery grace so a live message stays on the direct path.
 */
class LeanAnswersTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static RelayServer relay;
    private static final TyrusRelayConnector LEAN = TyrusRelayConnector.standard();
    private static final TyrusRelayConnector FULL =
            new TyrusRelayConnector(FrameCodec.cbor(), Duration.ofSeconds(10), Duration.ofSeconds(30), false);

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir)
                .withDirectGrace(Duration.ofMinutes(1))
                .withLimit(RateLimit.REGISTER_PER_ADDRESS, new BucketSpec(100, 1)));
    }

    @AfterAll
    static void stop() {
        LEAN.close();
        FULL.close();
        relay.close();
    }

    @Test
    void theConnectorAddsTheLeanAnswersParameterToTheRelayAddress() {
        assertThat(TyrusRelayConnector.withLeanAnswers(URI.create("ws://127.0.0.1:8443/parley")))
                .isEqualTo(URI.create("ws://127.0.0.1:8443/parley?answers=lean"));
        assertThat(TyrusRelayConnector.withLeanAnswers(URI.create("wss://relay.example:443/parley?x=1")))
                .isEqualTo(URI.create("wss://relay.example:443/parley?x=1&answers=lean"));
    }

    @Test
    void onALeanLinkAnAckTakesEffectAndIsNotAnswered() throws Exception {
        long leanBefore = counter("parley_relay_lean_connections_total");
        long directBefore = counter("parley_relay_messages_direct_total");
        try (Client bob = Client.online(LEAN, "leanbob"); Client alice = Client.online(LEAN, "leanalice")) {
            assertThat(counter("parley_relay_lean_connections_total") - leanBefore).isEqualTo(2);
            CompletableFuture<Response> accepted = alice.link.request(new Request.Send("leanbob", id(1), new byte[200]));
            Push.Deliver deliver = bob.nextDelivery();
            bob.link.fireAll(List.of(new Request.Ack(deliver.messageId())));

            assertThat(accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("alice is answered once bob's ack took effect").isInstanceOf(Response.SendAccepted.class);
            assertThat(counter("parley_relay_messages_direct_total") - directBefore).isEqualTo(1);
            // Frames leave the relay in order: anything it wrote about the ack is in before this answer.
            assertThat(bob.link.request(new Request.Lookup("leanalice")).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new Response.LookupResult(true));
            assertThat(((TyrusRelayLink) bob.link).droppedAnswers()).as("answers to bob's ack").isZero();
        }
    }

    @Test
    void aRelayThatAnswersEveryAckHasItsOkDroppedAndTheLinkGoesOn() throws Exception {
        long leanBefore = counter("parley_relay_lean_connections_total");
        long acknowledgedBefore = counter("parley_relay_messages_acknowledged_total");
        try (Client bob = Client.online(FULL, "fullbob"); Client alice = Client.online(LEAN, "fullalice")) {
            assertThat(counter("parley_relay_lean_connections_total") - leanBefore).as("only alice asked").isEqualTo(1);
            CompletableFuture<Response> accepted = alice.link.request(new Request.Send("fullbob", id(2), new byte[200]));
            Push.Deliver deliver = bob.nextDelivery();
            bob.link.fireAll(List.of(new Request.Ack(deliver.messageId())));

            assertThat(accepted.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Response.SendAccepted.class);
            assertThat(until(() -> ((TyrusRelayLink) bob.link).droppedAnswers() == 1))
                    .as("the relay's ok for the ack arrived and was dropped").isTrue();
            assertThat(counter("parley_relay_messages_acknowledged_total") - acknowledgedBefore).isEqualTo(1);
            assertThat(bob.link.isOpen()).isTrue();
            assertThat(bob.link.request(new Request.Lookup("fullalice")).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new Response.LookupResult(true));
        }
    }

    @Test
    void onALeanLinkASendEphemeralIsPushedAndOnlyAFailureIsAnswered() throws Exception {
        long ephemeralBefore = counter("parley_relay_ephemeral_total");
        try (Client bob = Client.online(LEAN, "ephbob"); Client alice = Client.online(LEAN, "ephalice")) {
            alice.link.fireAll(List.of(new Request.SendEphemeral("ephbob", new byte[] {1, 2, 3})));
            Push pushed = bob.pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(pushed).isInstanceOf(Push.Ephemeral.class);
            assertThat(((Push.Ephemeral) pushed).blob()).containsExactly(1, 2, 3);
            assertThat(counter("parley_relay_ephemeral_total") - ephemeralBefore).isEqualTo(1);
            // Frames leave the relay in order: an ok for the ephemeral would be in before this answer.
            assertThat(alice.link.request(new Request.Lookup("ephbob")).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new Response.LookupResult(true));
            assertThat(((TyrusRelayLink) alice.link).droppedAnswers()).as("no ok for the ephemeral").isZero();

            alice.link.fireAll(List.of(new Request.SendEphemeral("nosuchuser", new byte[] {4})));
            assertThat(until(() -> ((TyrusRelayLink) alice.link).droppedAnswers() == 1))
                    .as("the error for an unknown recipient is still answered (and dropped)").isTrue();
            assertThat(alice.link.isOpen()).isTrue();
        }
    }

    @Test
    void aRelayThatAnswersEverySendEphemeralHasItsOkDropped() throws Exception {
        try (Client bob = Client.online(LEAN, "ephfullbob"); Client alice = Client.online(FULL, "ephfullalice")) {
            alice.link.fireAll(List.of(new Request.SendEphemeral("ephfullbob", new byte[] {5})));
            assertThat(bob.pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Push.Ephemeral.class);
            assertThat(until(() -> ((TyrusRelayLink) alice.link).droppedAnswers() == 1))
                    .as("the ok of a link without lean answers arrives and is dropped").isTrue();
        }
    }

    @Test
    void anAckWrittenRightBeforeTheLinkClosesDeletesTheStoredBlob() throws Exception {
        Client.online(LEAN, "storedbob").close();
        long storedBefore = counter("parley_relay_stored_blobs");
        try (Client alice = Client.online(LEAN, "storedalice")) {
            assertThat(alice.link.request(new Request.Send("storedbob", id(3), new byte[200]))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Response.SendAccepted.class);
        }
        assertThat(counter("parley_relay_stored_blobs")).isEqualTo(storedBefore + 1);
        try (Client bob = Client.login(LEAN, Client.USERS.get("storedbob"))) {
            Push.Deliver deliver = bob.nextDelivery();
            bob.link.fireAll(List.of(new Request.Ack(deliver.messageId())));
        }
        assertThat(until(() -> counter("parley_relay_stored_blobs") == storedBefore)).as("deleted by the unanswered ack").isTrue();
        try (Client bob = Client.login(LEAN, Client.USERS.get("storedbob"))) {
            assertThat(bob.pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Push.QueueEmpty.class);
        }
    }

    private static byte[] id(int n) {
        byte[] id = new byte[16];
        id[15] = (byte) n;
        return id;
    }

    private static long counter(String name) {
        for (String line : relay.metrics().render().split("\n")) {
            if (line.startsWith(name + " ")) {
                return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static boolean until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** A registered user's identity. */
    private record User(String name, Ed25519KeyPair identity) {
    }

    /** One link of a user, logged in, with the pushes it received after the login answer. */
    private static final class Client implements AutoCloseable {
        static final java.util.Map<String, User> USERS = new java.util.concurrent.ConcurrentHashMap<>();

        final BlockingQueue<Push> pushes = new LinkedBlockingQueue<>();
        final CompletableFuture<Push.Challenge> challenge = new CompletableFuture<>();
        RelayLink link;

        /** Registers {@code name} and logs in; returns once its (empty) queue is drained. */
        static Client online(TyrusRelayConnector connector, String name) throws Exception {
            Client client = open(connector);
            Push.Challenge first = client.challenge.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            User user = new User(name, CRYPTO.ed25519().generateKeyPair());
            assertThat(client.link.request(registration(user, first)).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new Response.Ok());
            USERS.put(name, user);
            client.authenticate(user);
            assertThat(client.pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Push.QueueEmpty.class);
            return client;
        }

        /** Logs an existing user in on a fresh link; the queued deliveries follow in {@link #pushes}. */
        static Client login(TyrusRelayConnector connector, User user) throws Exception {
            Client client = open(connector);
            client.authenticate(user);
            return client;
        }

        private static Client open(TyrusRelayConnector connector) throws Exception {
            Client client = new Client();
            client.link = connector.connect(new RelayAddress(relay.uri(), Optional.empty()), new RelayLinkListener() {
                @Override
                public void onPush(Push push) {
                    if (push instanceof Push.Challenge c) {
                        client.challenge.complete(c);
                    } else if (!(push instanceof Push.PreKeysLow)) {
                        client.pushes.add(push);
                    }
                }

                @Override
                public void onClosed(String reason) {
                    client.challenge.completeExceptionally(new IllegalStateException(reason));
                }
            });
            return client;
        }

        private void authenticate(User user) throws Exception {
            Push.Challenge c = challenge.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            byte[] signature = CRYPTO.ed25519().sign(user.identity(),
                    AuthProof.signedMessage(c.relayId(), c.nonce(), user.name(), AuthProof.noChannel()));
            assertThat(link.request(new Request.Authenticate(user.name(), signature)).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .isInstanceOf(Response.Authenticated.class);
        }

        Push.Deliver nextDelivery() throws InterruptedException {
            Push push = pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(push).isInstanceOf(Push.Deliver.class);
            return (Push.Deliver) push;
        }

        private static Request.Register registration(User user, Push.Challenge challenge) {
            Ed25519KeyPair identity = user.identity();
            byte[] spk = CRYPTO.x25519().generateKeyPair().publicKey();
            SignedPreKeyPublic signed = new SignedPreKeyPublic(1, spk,
                    CRYPTO.ed25519().sign(identity, SignedPreKeyPublic.signedMessage(1, spk)));
            byte[] kem = MlKem1024.publicKey(SecretBytes.wrap(CRYPTO.random().bytes(MlKem1024.SEED_BYTES)));
            KemPreKeyPublic lastResort = new KemPreKeyPublic(1, kem,
                    CRYPTO.ed25519().sign(identity, KemPreKeyPublic.signedMessage(1, kem)));
            byte[] proof = CRYPTO.ed25519().sign(identity, AuthProof.registrationMessage(challenge.relayId(), user.name()));
            return new Request.Register(user.name(), identity.publicKey(), signed, List.of(), lastResort, List.of(),
                    null, proof);
        }

        @Override
        public void close() {
            link.close();
        }
    }
}
