package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12, the app's side of a resumable erase: a conversation deleted just before the app quits is hidden at once;
 * the sweeper's thread stops after the page it is on (quitting does not wait for the whole erase), and the next unlock
 * goes on removing it until nothing is pending.
 */
class ErasedConversationAfterQuitTest {
    private static final int MESSAGES = 12_000;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void anEraseCutShortByQuittingGoesOnAtTheNextUnlock() throws Exception {
        ParleyApp bob = network.register("bob");
        Storage storage = bob.storage();
        ConversationId alice = ConversationId.direct("alice");
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        for (int from = 0; from < MESSAGES; from += 2_000) {
            int first = from;
            storage.transactions().transaction(false, txn -> {
                List<NewMessage> batch = new ArrayList<>();
                for (int i = first; i < first + 2_000; i++) {
                    batch.add(NewMessage.incoming(new MessageId("a" + i), alice, "alice", at.plusSeconds(i),
                            at.plusSeconds(i), "an old message about the lighthouse " + i));
                }
                storage.messages().insertAllIfAbsent(txn, batch);
            });
        }
        int hidden = storage.transactions().transactionWithResult(false,
                txn -> storage.historyEraser().erase(txn, alice));
        assertThat(hidden).isEqualTo(MESSAGES);
        assertThat(bob.messaging().history("alice", Optional.empty(), 10).messages()).isEmpty();
        long quitting = System.nanoTime();
        bob.close();
        assertThat(Duration.ofNanos(System.nanoTime() - quitting)).as("quitting waits for one page at most")
                .isLessThan(Duration.ofSeconds(10));

        ParleyApp again = network.unlock("bob");
        Storage reopened = again.storage();
        assertThat(again.messaging().history("alice", Optional.empty(), 10).messages()).isEmpty();
        assertThat(again.messaging().search("lighthouse", Optional.empty(), 10)).isEmpty();
        assertThat(Await.until(() -> !pending(reopened), WAIT)).as("erased after the unlock").isTrue();
        assertThat(again.messaging().history("alice", Optional.empty(), 10).messages()).isEmpty();
        again.close();
    }

    private static boolean pending(Storage storage) {
        try {
            return storage.transactions().transactionWithResult(true, txn -> storage.historyEraser().anyPending(txn));
        } catch (dev.parley.desktop.storage.StorageException e) {
            throw new IllegalStateException(e);
        }
    }
}
