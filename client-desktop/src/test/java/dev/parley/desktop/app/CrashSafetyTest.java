package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrashSafetyTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void relayKilledInTheMiddleOfAThousandMessageStreamLosesAndDuplicatesNothing() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (i == 300) {
                network.haltRelay();
            }
            if (i == 600) {
                network.startRelay();
            }
            sent.add(alice.messaging().send("bob", "stream " + i).messageId().value());
        }
        assertThat(alice.connection().awaitDrained(WAIT)).as("alice's outbox was resent after the restart").isTrue();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();

        List<Message> history = OfflinePickupTest.chronological(bob, "alice");
        assertThat(history).extracting(m -> m.messageId().value())
                .as("bob's history; stream numbers missing %s, blobs still queued on the relay: %d",
                        missing(sent, history), network.relayQueued())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        assertThat(network.relayCounter("parley_relay_lean_connections_total"))
                .as("both clients asked the restarted relay for lean answers: acks unanswered (issue #16)")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void recipientDyingBetweenStoringAndAcknowledgingStoresEveryMessageExactlyOnce() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(alice.messaging().send("bob", "crash " + i).messageId().value());
        }
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        bob.close();

        CountDownLatch died = new CountDownLatch(1);
        ParleyApp dying = network.unlock("bob", handler -> new DiesAfterStoring(handler, 120, died));
        dying.connection().start();
        assertThat(died.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        dying.close();
        assertThat(network.relayQueued()).as("the stored-but-unacknowledged message is still queued").isGreaterThan(180);

        ParleyApp revived = network.unlock("bob");
        revived.connection().start();
        assertThat(revived.connection().awaitDrained(WAIT)).isTrue();
        List<Message> history = OfflinePickupTest.chronological(revived, "alice");
        assertThat(history).extracting(m -> m.messageId().value()).containsExactlyElementsOf(sent);
        assertThat(new HashSet<>(sent)).hasSize(300);
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        assertThat(network.relayCounter("parley_relay_lean_connections_total"))
                .as("alice, the dying bob and the revived bob asked for lean answers").isGreaterThanOrEqualTo(3);
    }

    @Test
    void receiptsOwedWhenTheRecipientDiesAreSentOnItsNextLogin() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice"); // a contact, not a message request: receipts go back (#14)
        bob.close();
        alice.connection().start();
        for (int i = 0; i < 50; i++) {
            alice.messaging().send("bob", "receipt owed " + i);
        }
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();

        CountDownLatch died = new CountDownLatch(1);
        ParleyApp dying = network.unlock("bob", handler -> new DiesAfterStoring(handler, 30, died));
        dying.connection().start();
        assertThat(died.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        dying.close();

        ParleyApp revived = network.unlock("bob");
        revived.connection().start();
        assertThat(revived.connection().awaitDrained(WAIT)).isTrue();
        assertThat(Await.until(() -> allDelivered(alice), WAIT))
                .as("every message of alice's is delivered, including the 30 bob stored before dying").isTrue();
    }

    private static boolean allDelivered(ParleyApp sender) {
        try {
            List<Message> sent = OfflinePickupTest.chronological(sender, "bob");
            return sent.size() == 50 && sent.stream().allMatch(m -> m.state() == dev.parley.desktop.storage.MessageState.DELIVERED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The positions in {@code sent} whose message is not in {@code history} (to tell lost from stuck on the relay). */
    private static List<Integer> missing(List<String> sent, List<Message> history) {
        Set<String> stored = new HashSet<>();
        history.forEach(m -> stored.add(m.messageId().value()));
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (!stored.contains(sent.get(i))) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** Stores deliveries normally, then "dies" right after storing number {@code n}: never acknowledges it or any later one. */
    private static final class DiesAfterStoring implements InboundHandler {
        private final InboundHandler delegate;
        private final int n;
        private final CountDownLatch died;
        private final AtomicInteger stored = new AtomicInteger();
        private final AtomicBoolean dead = new AtomicBoolean();

        DiesAfterStoring(InboundHandler delegate, int n, CountDownLatch died) {
            this.delegate = delegate;
            this.n = n;
            this.died = died;
        }

        @Override
        public Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob) throws StorageFailureException {
            if (dead.get()) {
                throw new IllegalStateException("process is dead");
            }
            Outcome outcome = delegate.onDelivery(relayMessageId, receivedAtMillis, blob);
            if (stored.incrementAndGet() == n) {
                dead.set(true);
                died.countDown();
                throw new IllegalStateException("simulated crash after storing, before acknowledging");
            }
            return outcome;
        }

        @Override
        public void onPickupStarted() {
            delegate.onPickupStarted();
        }

        @Override
        public void onQueueDrained() {
            if (!dead.get()) {
                delegate.onQueueDrained();
            }
        }

        @Override
        public void onEphemeral(byte[] blob) {
            delegate.onEphemeral(blob);
        }
    }
}
