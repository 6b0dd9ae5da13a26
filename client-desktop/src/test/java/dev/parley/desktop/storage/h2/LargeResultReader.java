package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.backup.BackupBodyWriter;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM by {@link TemporaryFilesTest}: fills a profile with {@code args[1]} messages per conversation in
 * two conversations, each carrying the word {@code args[2]}, then runs every path that reads many rows at once: a
 * search, paging through a whole conversation, the conversation list, a history transfer export, a backup export, the
 * disappearing-message sweep (half of one conversation expires), marking a conversation read and erasing one.
 */
public final class LargeResultReader {
    private LargeResultReader() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int perConversation = Integer.parseInt(args[1]);
        String marker = args[2];
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        ConversationId bob = new ConversationId("bob");
        ConversationId carol = new ConversationId("carol");
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(false, txn -> {
                List<NewMessage> batch = new ArrayList<>();
                for (int i = 0; i < perConversation; i++) {
                    batch.add(NewMessage.incoming(new MessageId("b" + i), bob, "bob", at.plusSeconds(i),
                            at.plusSeconds(i), "bob says " + marker + " number " + i));
                    batch.add(NewMessage.incoming(new MessageId("c" + i), carol, "carol", at.plusSeconds(i),
                            at.plusSeconds(i), "carol says " + marker + " number " + i));
                }
                storage.messages().insertAllIfAbsent(txn, batch);
                for (int i = 0; i < perConversation / 2; i++) {
                    storage.disappearing().expireAt(txn, new MessageId("c" + i), at.plusSeconds(i));
                }
            });
            storage.transactions().transaction(true, (Transaction txn) -> {
                storage.messages().search(txn, marker, Optional.empty(), 500);
                storage.messages().search(txn, marker + " number", Optional.of(bob), 500);
                Optional<MessageCursor> before = Optional.empty();
                do {
                    MessagePage page = storage.messages().page(txn, bob, before, 200);
                    before = page.nextBefore();
                } while (before.isPresent());
                storage.messages().conversations(txn);
                storage.messages().unreadCount(txn, bob);
                storage.disappearing().expired(txn, at.plusSeconds(perConversation), 500);
                HistoryTransferStore history = storage.history().orElseThrow();
                long below = history.newest(txn) + 1;
                history.count(txn, below);
                HistoryTransferStore.Slice slice;
                do {
                    slice = history.export(txn, below, 1 << 20);
                    below = slice.lowest();
                } while (slice.more());
            });
            H2BackupExport.export(storage, new BackupBodyWriter(OutputStream.nullOutputStream()),
                    txn -> new H2BackupExport.FileTotals(0, 0), at.toEpochMilli(), (written, total) -> { });
            storage.transactions().transaction(false, txn -> {
                storage.changes().removeExpired(txn, at.plusSeconds(perConversation), 500);
                storage.messages().markReadUpTo(txn, bob, new MessageCursor(Long.MAX_VALUE), 500);
                storage.historyEraser().erase(txn, carol);
            });
            while (!storage.transactions().transactionWithResult(false,
                    txn -> storage.historyEraser().eraseSome(txn, 500)).finished()) {
                // the erased conversation's rows, a page per transaction
            }
        }
    }
}
