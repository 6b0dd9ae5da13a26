package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Quote;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V88 moves the quoted ids of replies that carry a snippet into message_quotes (and drops messages_quoted); V89 marks
 * the messages that have reactions. A V87 profile keeps every message, quote and reaction as it was, and afterwards
 * the sweep, a delete for everyone, a delete for me and the erase of a conversation still clear the snippets copied
 * from what they remove and take its reactions.
 */
class QuotesAndReactedMarksMigrationTest {
    private static final String ROW = "INSERT INTO messages (seq, message_id, conversation_id, direction, sender, sent_at, "
            + "body, state, unread, quoted_id, quoted_author, quoted_snippet, expires_at) VALUES ";

    @TempDir
    Path dir;

    @Test
    void aV87ProfileKeepsItsQuotesAndReactionsAndRemovalStillClearsThem() throws Exception {
        Path base = dir.resolve("profile");
        DatabaseFiles files = DatabaseFiles.of(base);
        List<String> quotesBefore;
        try (Connection c = TestKeys.connect(files, true, false, TestKeys.key(1))) {
            OldProfiles.migrateTo(files, TestKeys.key(1), "87");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO conversations (conversation_id, last_seq) VALUES ('bob', 9), ('carol', 10)");
                s.execute(ROW + "(1, 'o1', 'bob', 'INCOMING', 'bob', 1, 'expiring original', 'READ', FALSE, "
                        + "NULL, NULL, NULL, 50)");
                s.execute(ROW + "(2, 'r1', 'bob', 'OUTGOING', 'alice', 2, 'reply one', 'SENT', FALSE, "
                        + "'o1', 'bob', 'expiring original', NULL)");
                s.execute(ROW + "(3, 'r2', 'bob', 'OUTGOING', 'alice', 3, 'reply two', 'SENT', FALSE, "
                        + "'o1', 'bob', 'expiring original', NULL)");
                s.execute(ROW + "(4, 'r3', 'bob', 'OUTGOING', 'alice', 4, 'reply to nothing', 'SENT', FALSE, "
                        + "'zz', NULL, NULL, NULL)");
                s.execute(ROW + "(5, 'o2', 'bob', 'INCOMING', 'bob', 5, 'deleted for everyone', 'READ', FALSE, "
                        + "NULL, NULL, NULL, NULL)");
                s.execute(ROW + "(6, 'r4', 'bob', 'OUTGOING', 'alice', 6, 'reply four', 'SENT', FALSE, "
                        + "'o2', 'bob', 'deleted for everyone', NULL)");
                s.execute(ROW + "(7, 'o3', 'bob', 'INCOMING', 'bob', 7, 'deleted for me', 'READ', FALSE, "
                        + "NULL, NULL, NULL, NULL)");
                s.execute(ROW + "(8, 'r5', 'bob', 'OUTGOING', 'alice', 8, 'reply five', 'SENT', FALSE, "
                        + "'o3', 'bob', 'deleted for me', NULL)");
                s.execute(ROW + "(9, 'r6', 'bob', 'OUTGOING', 'alice', 9, 'reply six', 'SENT', FALSE, "
                        + "'o4', 'carol', 'erased with carol', NULL)");
                s.execute(ROW + "(10, 'o4', 'carol', 'INCOMING', 'carol', 10, 'erased with carol', 'READ', FALSE, "
                        + "NULL, NULL, NULL, NULL)");
                s.execute("INSERT INTO reactions (message_id, reactor, emoji, reacted_at) VALUES "
                        + "('o1', 'bob', 'x', 1), ('o1', 'carol', 'y', 2), ('o3', 'bob', 'z', 3), ('o4', 'alice', 'w', 4)");
                quotesBefore = rows(s, "SELECT message_id || ' ' || COALESCE(quoted_id, '-') || ' ' "
                        + "|| COALESCE(quoted_author, '-') || ' ' || COALESCE(quoted_snippet, '-') FROM messages ORDER BY seq");
            }
            OldProfiles.migrateTo(files, TestKeys.key(1), "89");
            try (Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT message_id || ' ' || COALESCE(quoted_id, '-') || ' ' "
                        + "|| COALESCE(quoted_author, '-') || ' ' || COALESCE(quoted_snippet, '-') FROM messages "
                        + "ORDER BY seq")).as("every message and quote as it was").isEqualTo(quotesBefore);
                assertThat(rows(s, "SELECT quoted_id || ' ' || seq FROM message_quotes ORDER BY quoted_id, seq"))
                        .containsExactly("o1 2", "o1 3", "o2 6", "o3 8", "o4 9");
                assertThat(rows(s, "SELECT message_id FROM messages WHERE reacted ORDER BY seq"))
                        .containsExactly("o1", "o3", "o4");
                assertThat(rows(s, "SELECT COUNT(*) FROM reactions")).containsExactly("4");
                assertThat(rows(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'MESSAGES_QUOTED'"))
                        .containsExactly("0");
            }
        }
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(false, txn -> {
                assertThat(storage.changes().removeExpired(txn, Instant.ofEpochMilli(60), 10))
                        .containsOnlyKeys(new ConversationId("bob"));
                assertThat(storage.changes().markDeleted(txn, new MessageId("o2"))).isTrue();
                assertThat(storage.changes().remove(txn, List.of(new MessageId("o3")))).isEqualTo(1);
                assertThat(storage.historyEraser().erase(txn, new ConversationId("carol"))).isEqualTo(1);
            });
            // the erase hides carol's conversation at once; its rows (and the snippets copied from them) go page by page
            HistoryEraser.Progress step;
            do {
                step = storage.transactions().transactionWithResult(false,
                        txn -> storage.historyEraser().eraseSome(txn, 500));
            } while (!step.finished());
            storage.transactions().transaction(true, txn -> {
                assertThat(quote(storage.messages().find(txn, new MessageId("r1")))).isEqualTo(quote("o1", "bob"));
                assertThat(quote(storage.messages().find(txn, new MessageId("r2")))).isEqualTo(quote("o1", "bob"));
                assertThat(quote(storage.messages().find(txn, new MessageId("r3")))).isEqualTo(Quote.notFound(new MessageId("zz")));
                assertThat(quote(storage.messages().find(txn, new MessageId("r4")))).isEqualTo(quote("o2", "bob"));
                assertThat(quote(storage.messages().find(txn, new MessageId("r5")))).isEqualTo(quote("o3", "bob"));
                assertThat(quote(storage.messages().find(txn, new MessageId("r6")))).isEqualTo(quote("o4", "carol"));
                for (String gone : List.of("o1", "o3", "o4")) {
                    assertThat(storage.reactions().of(txn, new MessageId(gone))).as(gone).isEmpty();
                }
            });
        }
        try (Connection c = TestKeys.connect(files, false, true, TestKeys.key(1));
             Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT COUNT(*) FROM message_quotes")).as("no row outlives its snippet").containsExactly("0");
            assertThat(rows(s, "SELECT COUNT(*) FROM reactions")).containsExactly("0");
        }
    }

    private static Quote quote(String original, String author) {
        return new Quote(new MessageId(original), author, null);
    }

    private static Quote quote(Optional<Message> message) {
        return message.orElseThrow().quote();
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        return OldProfiles.rows(s, sql);
    }
}
