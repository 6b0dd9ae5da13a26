package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.service.connection.RelayPinning;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.service.messaging.SenderVerifier;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Storage;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flake13: what {@link Outbound} commits reaches the connection in commit order. Two threads send to bob at once (in
 * the app: the user's first message, and the delivery receipt the inbound thread owes for bob's first messages); the
 * first to commit is held just after its commit, on its way to the connection, until the second has either reached
 * the connection itself or is waiting for the protocol lock. The connection (one control thread, one link) sends in
 * the order it is handed items, so the relay and bob see them in that order: a first message on alice's own session
 * that reached bob after her message on bob's session made bob record a false "restarted their secure session" line
 * (two received events at once: ScreenshotsTest waited for exactly one).
 */
class CommitOrderSubmitTest {
    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void itemsReachTheConnectionInTheOrderTheyWereCommitted() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob");
        alice.connection().start();
        alice.contacts().add("bob");        // a session, the relay pinned and a sender certificate: all stored
        alice.close();

        ProfileManager profiles = new ProfileManager(alice.config().directories(), TestNetwork.CRYPTO,
                alice.config().argon2());
        try (UnlockedProfile profile = profiles.unlock(new ProfileName("alice"), TestNetwork.PASSPHRASE.clone(),
                event -> { })) {
            Storage storage = profile.storage();
            ProfileCrypto crypto = new ProfileCrypto(storage, new ProtocolContext(TestNetwork.CRYPTO,
                    TestNetwork.CRYPTO.random(), Clock.systemUTC(), RatchetLimits.DEFAULT));
            SenderVerifier verifier = new SenderVerifier(crypto,
                    new RelayPinning(storage, TestNetwork.CRYPTO.ed25519(), Clock.systemUTC()));
            Contact bob = storage.transactions().transactionWithResult(true,
                    txn -> storage.contacts().find(txn, "bob")).orElseThrow();

            List<String> handedOver = new CopyOnWriteArrayList<>();
            AtomicReference<Thread> first = new AtomicReference<>();
            AtomicReference<Thread> second = new AtomicReference<>();
            CountDownLatch firstCommitted = new CountDownLatch(1);
            Consumer<List<Outbox.Item>> connection = items -> {
                String id = HexFormat.of().formatHex(items.get(0).clientMessageId());
                if (Thread.currentThread() == first.get()) {
                    firstCommitted.countDown();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    // the second sender gets every chance to overtake: until it handed its items over, or waits
                    while (handedOver.isEmpty() && !crypto.lock().hasQueuedThread(second.get())
                            && System.nanoTime() < deadline) {
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                    }
                }
                handedOver.add(id);
            };
            Outbound outbound = new Outbound(crypto, () -> "alice", connection, verifier);
            MessageId textId = outbound.newOutboxId();
            MessageId receiptId = outbound.newOutboxId();

            Thread text = new Thread(() -> send(outbound, bob, new Payload.Text(
                    new dev.parley.crypto.payload.MessageId(HexFormat.of().parseHex(textId.value())),
                    System.currentTimeMillis(), "Yes, it runs on my laptop now.", null, 0), textId));
            Thread receipt = new Thread(() -> {
                try {
                    firstCommitted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(outbound, bob, new Payload.DeliveryReceipt(List.of(
                        dev.parley.crypto.payload.MessageId.random(TestNetwork.CRYPTO.random()))), receiptId);
            });
            first.set(text);
            second.set(receipt);
            receipt.start();
            text.start();
            text.join(60_000);
            receipt.join(60_000);

            assertThat(handedOver).as("what the connection was handed, in order")
                    .containsExactly(textId.value(), receiptId.value());
            crypto.close();
        }
    }

    private static void send(Outbound outbound, Contact to, Payload payload, MessageId id) {
        try {
            outbound.stored(to, payload, id, txn -> null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
