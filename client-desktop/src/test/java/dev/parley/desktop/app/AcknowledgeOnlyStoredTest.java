package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client acknowledges a redelivered envelope whose message key is already used only when it is really stored:
 * its message is in the history, or it was a control message that was applied. Real relay, real encrypted profiles.
 */
class AcknowledgeOnlyStoredTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aRedeliveredMessageThatIsInTheHistoryIsAcknowledgedAsDuplicate() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        alice.contacts().add("bob");
        alice.connection().start();
        for (int i = 0; i < 20; i++) {
            alice.messaging().send("bob", "kept " + i);
        }
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(network.relayQueued()).isEqualTo(20);

        Recording inbound = new Recording(1);
        ParleyApp bob = network.unlock("bob", handler -> inbound.wrapping(handler));
        bob.connection().start();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT))
                .as("redeliveries of stored messages are acknowledged; outcomes %s", inbound.outcomes).isTrue();
        assertThat(inbound.outcomes).contains(InboundHandler.Outcome.DUPLICATE)
                .doesNotContain(InboundHandler.Outcome.UNCONFIRMED, InboundHandler.Outcome.REJECTED);
        assertThat(OfflinePickupTest.chronological(bob, "alice")).extracting(Message::body).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void aRedeliveredReceiptThatWasAppliedIsAcknowledgedAsDuplicate() throws Exception {
        Recording inbound = new Recording(1);
        ParleyApp alice = network.open("alice", handler -> inbound.wrapping(handler));
        alice.account().create("alice", network.address(), TestNetwork.PASSPHRASE.clone());
        alice.account().register(Optional.empty());
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice"); // a contact, not a message request: receipts go back (#14)
        alice.connection().start();
        bob.connection().start();
        Message sent = alice.messaging().send("bob", "receipt please");

        assertThat(Await.until(() -> stateOf(alice, sent) == MessageState.DELIVERED, WAIT))
                .as("the receipt was applied (before the simulated crash)").isTrue();
        assertThat(Await.until(() -> inbound.outcomes.contains(InboundHandler.Outcome.DUPLICATE), WAIT))
                .as("the receipt came again after the crash; outcomes %s", inbound.outcomes).isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        assertThat(inbound.outcomes).doesNotContain(InboundHandler.Outcome.UNCONFIRMED, InboundHandler.Outcome.REJECTED);
        assertThat(stateOf(alice, sent)).isEqualTo(MessageState.DELIVERED);
    }

    @Test
    void aMessageWhoseKeyIsUsedButWhichIsNotInTheHistoryStaysOnTheRelay() throws Exception {
        ParleyApp alice = network.register("alice");
        Recording inbound = new Recording(0);
        network.register("bob").close();
        ParleyApp bob = network.unlock("bob", handler -> inbound.wrapping(handler));
        alice.contacts().add("bob");
        bob.contacts().add("alice"); // a contact, not a message request: receipts go back (#14)
        alice.connection().start();
        bob.connection().start();
        Message hello = alice.messaging().send("bob", "hello");
        assertThat(Await.until(() -> stateOf(alice, hello) == MessageState.DELIVERED, WAIT)).isTrue();
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        alice.close();
        Path profile = network.root.resolve("data-alice");
        Path backup = network.root.resolve("backup-alice");
        copyTree(profile, backup);

        ParleyApp before = network.unlock("alice");
        before.connection().start();
        Message original = before.messaging().send("bob", "original");
        assertThat(Await.until(() -> stateOf(before, original) == MessageState.DELIVERED, WAIT)).isTrue();
        assertThat(before.connection().awaitDrained(WAIT)).isTrue();
        before.close();

        // Alice restores the backup: her ratchet sends the next message from the position "original" already used.
        deleteTree(profile);
        copyTree(backup, profile);
        ParleyApp restored = network.unlock("alice");
        restored.connection().start();
        restored.messaging().send("bob", "after restore");
        assertThat(restored.connection().awaitDrained(WAIT)).as("the relay stored it for bob").isTrue();

        assertThat(Await.until(() -> inbound.outcomes.contains(InboundHandler.Outcome.UNCONFIRMED), WAIT))
                .as("outcomes %s", inbound.outcomes).isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 1, WAIT)).as("left on the relay").isTrue();
        bob.close();

        Recording again = new Recording(0);
        ParleyApp bobAgain = network.unlock("bob", handler -> again.wrapping(handler));
        bobAgain.connection().start();
        assertThat(bobAgain.connection().awaitDrained(WAIT)).isTrue();
        assertThat(again.outcomes).containsExactly(InboundHandler.Outcome.UNCONFIRMED);
        assertThat(network.relayQueued()).as("still on the relay after the redelivery").isEqualTo(1);
        assertThat(OfflinePickupTest.chronological(bobAgain, "alice")).extracting(Message::body)
                .containsExactly("hello", "original");
    }

    @Test
    void aTextMessagePushedAsAnEphemeralFrameDoesNotUseUpItsKey() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().stop();
        bob.connection().start();
        alice.messaging().send("bob", "sent properly later");
        List<Outbox.Item> queued = ((Outbox) alice.messaging()).pending();
        assertThat(queued).hasSize(1);

        // Another user (or a misbehaving relay) pushes alice's stored-message envelope to bob as an ephemeral frame.
        try (RawUser mallory = RawUser.register(network, "mallory")) {
            mallory.sendEphemeral("bob", queued.get(0).blob());
        }
        alice.connection().start();
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(Await.until(() -> bodiesOf(bob).contains("sent properly later"), WAIT))
                .as("the proper delivery still decrypts and is stored").isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
    }

    private static List<String> bodiesOf(ParleyApp app) {
        try {
            return OfflinePickupTest.chronological(app, "alice").stream().map(Message::body).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A registered, logged-in user speaking the wire protocol directly (no profile, no session with anyone). */
    private static final class RawUser implements AutoCloseable {
        private final RelayLink link;

        private RawUser(RelayLink link) {
            this.link = link;
        }

        static RawUser register(TestNetwork network, String name) throws Exception {
            CryptoProvider crypto = TestNetwork.CRYPTO;
            IdentityKeyPair identity = IdentityKeyPair.generate(crypto, crypto.random());
            CompletableFuture<Push.Challenge> challenge = new CompletableFuture<>();
            RelayLink link = TyrusRelayConnector.standard().connect(network.address(), new RelayLinkListener() {
                @Override
                public void onPush(Push push) {
                    if (push instanceof Push.Challenge) {
                        challenge.complete((Push.Challenge) push);
                    }
                }

                @Override
                public void onClosed(String reason) {
                    challenge.completeExceptionally(new IllegalStateException("closed: " + reason));
                }
            });
            PreKeyGenerator generator = new PreKeyGenerator(ProtocolContext.of(crypto));
            var signed = generator.generateSignedPreKey(identity, 1);
            var lastResort = generator.generateKemPreKey(identity, 1, true);
            Push.Challenge c = challenge.get(30, TimeUnit.SECONDS);
            byte[] proof = crypto.ed25519().sign(identity.signingKeyPair(), AuthProof.registrationMessage(c.relayId(), name));
            assertThat(link.request(new Request.Register(name, identity.publicKey().bytes(), signed.publicPart(), List.of(),
                    lastResort.publicPart(), List.of(), null, proof)).get(30, TimeUnit.SECONDS)).isInstanceOf(Response.Ok.class);
            byte[] signature = crypto.ed25519().sign(identity.signingKeyPair(),
                    AuthProof.signedMessage(c.relayId(), c.nonce(), name, AuthProof.noChannel()));
            assertThat(link.request(new Request.Authenticate(name, signature)).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(Response.Authenticated.class);
            return new RawUser(link);
        }

        void sendEphemeral(String to, byte[] blob) throws Exception {
            // As the client sends them: a lean relay does not answer one that went through. The relay handles a
            // connection's frames in order, so the lookup's answer says the ephemeral was handled before it.
            link.fireAll(List.of(new Request.SendEphemeral(to, blob)));
            assertThat(link.request(new Request.Lookup(to)).get(30, TimeUnit.SECONDS))
                    .isEqualTo(new Response.LookupResult(true));
        }

        @Override
        public void close() {
            link.close();
        }
    }

    private static MessageState stateOf(ParleyApp app, Message message) {
        try {
            return app.messaging().history("bob", Optional.empty(), 50).messages().stream()
                    .filter(m -> m.messageId().equals(message.messageId())).findFirst().orElseThrow().state();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Records every outcome; "crashes" (throws after storing, before any acknowledgement) on the first batches. */
    private static final class Recording {
        final List<InboundHandler.Outcome> outcomes = new CopyOnWriteArrayList<>();
        private final AtomicInteger crashesLeft;

        Recording(int crashes) {
            crashesLeft = new AtomicInteger(crashes);
        }

        InboundHandler wrapping(InboundHandler delegate) {
            return new InboundHandler() {
                @Override
                public Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob) throws StorageFailureException {
                    return onDeliveries(List.of(new Delivery(relayMessageId, receivedAtMillis, blob))).get(0);
                }

                @Override
                public List<Outcome> onDeliveries(List<Delivery> batch) throws StorageFailureException {
                    List<Outcome> result = delegate.onDeliveries(batch);
                    outcomes.addAll(result);
                    if (crashesLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("simulated crash after storing, before acknowledging");
                    }
                    return result;
                }

                @Override
                public void onPickupStarted() {
                    delegate.onPickupStarted();
                }

                @Override
                public void onQueueDrained() {
                    delegate.onQueueDrained();
                }

                @Override
                public void onEphemeral(byte[] blob) {
                    delegate.onEphemeral(blob);
                }
            };
        }
    }
}
