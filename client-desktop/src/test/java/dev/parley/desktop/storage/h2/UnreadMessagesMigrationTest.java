package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.StateUpdate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V90 replaces messages_unread (an entry for every message) by unread_messages (a row per unread message only). A V89
 * profile keeps every message and its unread flag; the counts, "mark read up to", a state change and the sweep of an
 * unread message then agree with the flags.
 */
class UnreadMessagesMigrationTest {
    private static final ConversationId BOB = new ConversationId("bob");
    private static final ConversationId CAROL = new ConversationId("carol");

    @TempDir
    Path dir;

    @Test
    void aV89ProfileKeepsItsUnreadMessagesAndCountsStayRight() throws Exception {
        Path base = dir.resolve("profile");
        DatabaseFiles files = DatabaseFiles.of(base);
        List<String> flagsBefore;
        try (Connection c = TestKeys.connect(files, true, false, TestKeys.key(1))) {
            OldProfiles.migrateTo(files, TestKeys.key(1), "89");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO conversations (conversation_id, last_seq) VALUES ('bob', 6), ('carol', 7)");
                insert(s, 1, "bob", "INCOMING", "READ", false, "NULL");
                insert(s, 2, "bob", "INCOMING", "DELIVERED", true, "NULL");
                insert(s, 3, "bob", "OUTGOING", "SENT", false, "NULL");
                insert(s, 4, "bob", "INCOMING", "DELIVERED", true, "50");
                insert(s, 5, "bob", "INCOMING", "DELIVERED", true, "NULL");
                insert(s, 6, "bob", "INCOMING", "DELIVERED", true, "NULL");
                insert(s, 7, "carol", "INCOMING", "DELIVERED", true, "NULL");
                flagsBefore = rows(s, "SELECT message_id || ' ' || state || ' ' || unread FROM messages ORDER BY seq");
            }
            OldProfiles.migrateTo(files, TestKeys.key(1), "90");
            try (Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT message_id || ' ' || state || ' ' || unread FROM messages ORDER BY seq"))
                        .isEqualTo(flagsBefore);
                assertThat(rows(s, "SELECT conversation_id || ' ' || seq FROM unread_messages "
                        + "ORDER BY conversation_id, seq")).containsExactly("bob 2", "bob 4", "bob 5", "bob 6", "carol 7");
                assertThat(rows(s, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'MESSAGES_UNREAD'"))
                        .containsExactly("0");
            }
        }
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            assertThat(counts(storage)).containsExactly(Map.entry("bob", 4), Map.entry("carol", 1));
            storage.transactions().transaction(false, txn -> {
                assertThat(storage.changes().removeExpired(txn, Instant.ofEpochMilli(60), 10)).containsOnlyKeys(BOB);
                assertThat(storage.messages().updateState(txn, new MessageId("m6"), MessageState.READ, null))
                        .isEqualTo(StateUpdate.APPLIED);
                assertThat(storage.messages().markReadUpTo(txn, BOB, new MessageCursor(5), 500))
                        .containsExactly(new MessageId("m2"), new MessageId("m5"));
                assertThat(storage.messages().markReadUpTo(txn, BOB, new MessageCursor(6), 500)).isEmpty();
            });
            assertThat(counts(storage)).containsExactly(Map.entry("carol", 1));
            storage.transactions().transaction(true, txn -> {
                assertThat(storage.messages().unreadCount(txn, BOB)).isZero();
                assertThat(storage.messages().unreadCount(txn, CAROL)).isEqualTo(1);
                assertThat(storage.messages().find(txn, new MessageId("m5")).orElseThrow().state())
                        .isEqualTo(MessageState.READ);
            });
        }
        try (Connection c = TestKeys.connect(files, false, true, TestKeys.key(1));
             Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT message_id FROM messages WHERE unread ORDER BY seq")).containsExactly("m7");
            assertThat(rows(s, "SELECT conversation_id || ' ' || seq FROM unread_messages")).containsExactly("carol 7");
        }
    }

    private static Map<String, Integer> counts(H2Storage storage) throws Exception {
        return storage.transactions().transactionWithResult(true, txn -> storage.messages().conversations(txn))
                .stream().filter(v -> v.unreadCount() > 0).collect(Collectors.toMap(
                        v -> v.conversationId().value(), ConversationSummary::unreadCount, (a, b) -> a,
                        java.util.TreeMap::new));
    }

    private static void insert(Statement s, int seq, String conversation, String direction, String state,
                               boolean unread, String expiresAt) throws Exception {
        s.execute("INSERT INTO messages (seq, message_id, conversation_id, direction, sender, sent_at, body, state, "
                + "unread, expires_at) VALUES (" + seq + ", 'm" + seq + "', '" + conversation + "', '" + direction
                + "', 'x', " + seq + ", 'text " + seq + "', '" + state + "', " + unread + ", " + expiresAt + ")");
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        return OldProfiles.rows(s, sql);
    }
}
