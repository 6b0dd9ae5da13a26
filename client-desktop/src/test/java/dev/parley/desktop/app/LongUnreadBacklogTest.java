package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12: reading a conversation with more unread messages than one read receipt can name
 * ({@link Payload#MAX_RECEIPT_IDS}). Marking read used to collect every id in one list, commit, then build one receipt
 * of all of them, which threw after the commit: the messages were read but no receipt went and the user saw an error.
 * Now they are marked a page per transaction with a receipt each.
 */
class LongUnreadBacklogTest {
    private static final int UNREAD = Payload.MAX_RECEIPT_IDS + 250;

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aBacklogLongerThanOneReceiptIsMarkedReadWithReceipts() throws Exception {
        network.register("alice");
        ParleyApp bob = network.register("bob");
        bob.contacts().add("alice");
        Storage storage = bob.storage();
        ConversationId alice = ConversationId.direct("alice");
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        List<Message> stored = storage.transactions().transactionWithResult(false, txn -> {
            List<NewMessage> backlog = new ArrayList<>();
            for (int i = 0; i < UNREAD; i++) {
                byte[] id = new byte[16];
                id[0] = 7;
                id[14] = (byte) (i >> 8);
                id[15] = (byte) i;
                backlog.add(NewMessage.incoming(new MessageId(HexFormat.of().formatHex(id)), alice, "alice",
                        at.plusSeconds(i), at.plusSeconds(i), "unread " + i));
            }
            return storage.messages().insertAllIfAbsent(txn, backlog);
        });
        MessageCursor newest = stored.get(stored.size() - 1).cursor();

        assertThat(bob.messaging().markRead("alice", newest)).isEqualTo(UNREAD);

        int unread = storage.transactions().transactionWithResult(true, txn -> storage.messages().unreadCount(txn, alice));
        assertThat(unread).isZero();
        assertThat(bob.messaging().markRead("alice", newest)).isZero();
    }
}
