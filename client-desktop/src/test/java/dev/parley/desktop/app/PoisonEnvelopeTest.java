package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.h2.DatabaseSurgery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #11, finding 2: one envelope never blocks an inbox. An envelope whose handling fails is rejected and
 * acknowledged on its own; the batch around it is stored and acknowledged. A batch that could not be stored is never
 * reported as drained. Real relay, real encrypted profiles, an outside client for the poison.
 */
class PoisonEnvelopeTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void finding2_aPoisonEnvelopeQueuedBeforeAThousandGoodOnesBlocksNothing() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            // An ideographic space as the sender's name (with a certificate the attacker signed himself): under protocol
            // v1 it passed the envelope's name rule but not the profile store's and failed the whole batch; now it is
            // refused at certificate verification and acknowledged on its own.
            mallory.sendTextAs("\u3000", "bob", "poison");
        }
        alice.contacts().add("bob");
        for (int i = 0; i < 1000; i++) {
            alice.messaging().send("bob", "good " + i);
        }
        alice.connection().start();
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(network.relayQueued()).isEqualTo(1001);

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        assertThat(OfflinePickupTest.chronological(bob, "alice")).extracting(Message::body).hasSize(1000)
                .startsWith("good 0").endsWith("good 999");
        assertThat(bob.contacts().list()).extracting(c -> c.username()).containsExactly("alice");
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT))
                .as("everything acknowledged, the poison included, and alice (online) took bob's receipts").isTrue();
    }

    /**
     * The split-and-retry path end to end: a correctly certified envelope from a contact that decrypts, but whose
     * handler fails, because the store refuses the row it writes (a CHECK constraint added to bob's real database
     * refuses one message body, as a store refuses a value it cannot hold). It is rejected alone; the 1,000 good
     * messages around it, in the same sender's ratchet chain, all arrive; the relay's queue ends empty.
     */
    @Test
    void finding2_aCertifiedEnvelopeWhoseHandlerFailsIsRejectedAloneAndTheThousandAroundItArrive() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        try (UnlockedProfile profile = new ProfileManager(network.config("bob").directories(), TestNetwork.CRYPTO,
                new Argon2Params(1024, 1, 1)).unlock(new ProfileName("bob"), TestNetwork.PASSPHRASE.clone(),
                EventPublisher.NONE)) {
            DatabaseSurgery.execute(profile.storage(),
                    "ALTER TABLE messages ADD CONSTRAINT refuses_poison CHECK (body NOT LIKE '%poison-pill%')");
        }
        alice.contacts().add("bob");
        for (int i = 0; i < 500; i++) {
            alice.messaging().send("bob", "good " + i);
        }
        alice.messaging().send("bob", "poison-pill");
        for (int i = 500; i < 1000; i++) {
            alice.messaging().send("bob", "good " + i);
        }
        alice.connection().start();
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(network.relayQueued()).isEqualTo(1001);

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).as("the pickup completes despite the refused row").isTrue();
        assertThat(OfflinePickupTest.chronological(bob, "alice")).extracting(Message::body).hasSize(1000)
                .startsWith("good 0").endsWith("good 999").doesNotContain("poison-pill");
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT))
                .as("the refused envelope acknowledged with the others, and alice (online) took bob's receipts").isTrue();
    }

    @Test
    void finding2_aBatchThatCannotBeStoredIsNeverReportedAsDrained() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        alice.contacts().add("bob");
        alice.connection().start();
        alice.messaging().send("bob", "cannot be stored");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();

        ParleyApp bob = network.unlock("bob", handler -> new BrokenStorage(handler));
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(Duration.ofSeconds(3)))
                .as("listen --once must not report success when nothing was stored").isFalse();
        assertThat(network.relayQueued()).isEqualTo(1);
    }

    /** Storage that fails every write, as a full disk would: nothing may be acknowledged or reported as drained. */
    private record BrokenStorage(InboundHandler delegate) implements InboundHandler {
        @Override
        public Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob) throws StorageFailureException {
            throw new StorageFailureException("disk full", new java.io.IOException("No space left on device"));
        }

        @Override
        public List<Outcome> onDeliveries(List<Delivery> batch) throws StorageFailureException {
            throw new StorageFailureException("disk full", new java.io.IOException("No space left on device"));
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
    }
}
