package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History pages and searches must read their index in order and stop at the limit ("index sorted" in H2's plan);
 * otherwise they sort every message of a conversation and the 100,000-message targets fail. Checks the plan, not time.
 */
class QueryPlanTest {
    @TempDir
    Path dir;
    Path base;

    @BeforeEach
    void fill() throws Exception {
        base = dir.resolve("data-1");
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(false, txn -> {
                for (int i = 0; i < 300; i++) {
                    storage.messages().insertIfAbsent(txn, NewMessage.outgoing(new MessageId("m" + i),
                            new ConversationId(i % 3 == 0 ? "carol" : "bob"), "alice", Instant.EPOCH,
                            "hello world number " + i));
                }
            });
        }
    }

    private String plan(String sql, Object... params) throws Exception {
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void historyPageReadsTheIndexInOrder() throws Exception {
        String plan = plan(H2MessageStore.PAGE_SQL, "bob", Long.MAX_VALUE, Long.MIN_VALUE, 51);
        assertThat(plan).contains("MESSAGES_HISTORY").contains("index sorted");
    }

    /** #12, V92: the attachment file sweep asks about a slice of ids through an index, never by a scan. */
    @Test
    void attachmentIdsAreLookedUpThroughTheirIndexes() throws Exception {
        Object ids = new Object[] {new byte[16], new byte[16]};
        assertThat(plan(H2AttachmentStore.ATTACHMENTS_AMONG_SQL, ids)).contains("ATTACHMENTS_ATTACHMENT_ID")
                .doesNotContain("tableScan");
        assertThat(plan(H2AttachmentStore.UPLOADS_AMONG_SQL, ids)).contains("ATTACHMENT_UPLOADS_ATTACHMENT_ID")
                .doesNotContain("tableScan");
    }

    /** #12: a deleted conversation's rows go a page per transaction, read in index order so H2 stops at the page. */
    @Test
    void erasedConversationPageReadsTheIndexInOrder() throws Exception {
        String plan = plan(H2MessageRemoval.CONVERSATION_PAGE_SQL, "bob", 1_000L, 500);
        assertThat(plan).contains("MESSAGES_HISTORY").contains("index sorted").doesNotContain("tableScan");
    }

    /** Newer pages cannot read the DESC index in order; they must at least use it for a bounded sequence range. */
    @Test
    void newerPageUsesTheHistoryIndexForABoundedRange() throws Exception {
        String plan = plan(H2MessageStore.PAGE_AFTER_SQL, "bob", 10L, 130L, 60);
        assertThat(plan).contains("MESSAGES_HISTORY").contains("SEQ > ?2").contains("SEQ <= ?3");
    }

    /** V80: a word's keys are read in key order (newest first) and stop at the page; other words by point look-up. */
    @Test
    void searchReadsTheWordKeysInOrder() throws Exception {
        long hash = SearchWordKeys.hash("hello");
        String one = plan(H2MessageSearch.candidatesSql(0), SearchWordKeys.rangeStart(hash),
                SearchWordKeys.rangeStart(hash + 1), 50);
        assertThat(one).contains("PRIMARY_KEY").contains("index sorted").doesNotContain("tableScan");
        String two = plan(H2MessageSearch.candidatesSql(2), SearchWordKeys.rangeStart(hash),
                SearchWordKeys.rangeStart(hash + 1), 1L << 40, 2L << 40, 50);
        assertThat(two).contains("index sorted").doesNotContain("tableScan")
                .containsPattern("PRIMARY_KEY_\\w+: K = \\(T0.K \\+ \\?3\\)")
                .containsPattern("PRIMARY_KEY_\\w+: K = \\(T0.K \\+ \\?4\\)");
        String rows = plan(H2MessageSearch.rowsSql(true), (Object) new Object[] {1L, 2L}, "bob");
        assertThat(rows).contains("SEQ IN(").doesNotContain("tableScan");
    }

    /** V80: a word key is deleted through the table's own key. */
    @Test
    void wordKeysAreDeletedThroughTheKey() throws Exception {
        String plan = plan(SearchWordKeys.DELETE_SQL.replace("DELETE", "SELECT *"), 1L << 40);
        assertThat(plan).contains("PRIMARY_KEY").doesNotContain("tableScan");
    }

    /**
     * #17: a history chunk's import looks up all its message ids (and its conversations and groups) in one statement
     * through their unique indexes, and finds the lowest position through the primary key, never by a scan: the
     * per-chunk cost must not grow with the history already here.
     */
    @Test
    void historyImportLooksUpThroughIndexes() throws Exception {
        assertThat(plan(H2HistoryImport.MESSAGES_HERE_SQL, (Object) new Object[] {"m1", "m2"}))
                .contains("MESSAGES_MESSAGE_ID_INDEX_A: MESSAGE_ID IN(").doesNotContain("tableScan");
        assertThat(plan(H2HistoryImport.CONVERSATIONS_HERE_SQL, (Object) new Object[] {"bob"}))
                .contains(": CONVERSATION_ID IN(").doesNotContain("tableScan");
        assertThat(plan(H2HistoryImport.GROUPS_HERE_SQL, (Object) new Object[] {"g1"}))
                .contains(": GROUP_ID IN(").doesNotContain("tableScan");
        assertThat(plan(H2HistoryImport.LOWEST_SQL)).contains("direct lookup");
    }

    /** #12: H2's page cache is an eighth of the heap within 16-128 MiB (H2's own default is 16 MiB at any heap). */
    @Test
    void thePageCacheFollowsTheHeapWithinBounds() throws Exception {
        assertThat(DatabaseFiles.cacheKib(64L << 20)).isEqualTo(16 * 1024);
        assertThat(DatabaseFiles.cacheKib(512L << 20)).isEqualTo(64 * 1024);
        assertThat(DatabaseFiles.cacheKib(8L << 30)).isEqualTo(128 * 1024);
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             PreparedStatement ps = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(Long.parseLong(rs.getString(1)))
                    .isEqualTo(DatabaseFiles.cacheKib(Runtime.getRuntime().maxMemory()) / 1024);
        }
    }

    /**
     * #12: each connection keeps {@value DatabaseFiles#PARSED_STATEMENTS} parsed statements (H2's default, 8, is fewer
     * than one pickup batch runs, so every message parsed its statements again: 14% of a mixed pickup's inbound CPU).
     */
    @Test
    void eachConnectionKeepsEnoughParsedStatementsForABatch() throws Exception {
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             PreparedStatement ps = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(Integer.parseInt(rs.getString(1))).isEqualTo(DatabaseFiles.PARSED_STATEMENTS);
        }
    }

    /**
     * V2, V87: the identity behind messages.seq reserves 65,536 values per durable flush (H2's default is 32; V2 made it
     * 1024): each flush commits the metadata and with it every page the batch being stored has changed so far.
     */
    @Test
    void messageSequenceReservesValuesInLargeBlocks() throws Exception {
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             PreparedStatement ps = c.prepareStatement("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE TABLE_NAME = 'MESSAGES' AND COLUMN_NAME = 'SEQ'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(65_536L);
        }
    }

    /**
     * #12: recording a pickup batch's envelopes reads the digests already recorded in one statement through the digest's
     * unique index, never by a scan: the per-batch cost must not grow with the envelopes recorded before.
     */
    @Test
    void receivedEnvelopesAreLookedUpThroughTheDigestIndex() throws Exception {
        assertThat(plan(H2ReceivedEnvelopeStore.RECORDED_SQL, (Object) new Object[] {new byte[32], new byte[32]}))
                .contains("ENVELOPE_DIGEST IN(").doesNotContain("tableScan");
    }

    /**
     * #12 (V88): the replies quoting removed or deleted messages are found in message_quotes through its key, a removed
     * reply's row is dropped through it, and no index on messages holds the quoted id any more.
     */
    @Test
    void quotingRepliesAreFoundThroughTheQuoteTableKey() throws Exception {
        assertThat(plan(MessageQuotes.QUOTING_SQL, (Object) new Object[] {"m1", "m2"}))
                .contains("PRIMARY_KEY").contains("QUOTED_ID IN(").doesNotContain("tableScan");
        assertThat(plan(MessageQuotes.FORGET_SQL.replace("DELETE", "SELECT *"), "m1", 7L))
                .contains("PRIMARY_KEY").contains("QUOTED_ID = ").contains("SEQ = ").doesNotContain("tableScan");
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                     + "WHERE TABLE_NAME = 'MESSAGES' AND INDEX_NAME = 'MESSAGES_QUOTED'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("messages_quoted is gone").isZero();
        }
    }

    /** #12 (V89): storing a reaction reads its message's reacted mark through the message id's unique index. */
    @Test
    void theReactedMarkIsReadThroughTheMessageIdIndex() throws Exception {
        assertThat(plan(H2ReactionStore.MARK_SQL, "m1")).contains("MESSAGES_MESSAGE_ID_INDEX_A: MESSAGE_ID = ")
                .doesNotContain("tableScan");
    }

    /**
     * #12 (V90): unread counts and "mark read up to" read unread_messages (a row per unread message) through its key
     * in order, never a scan of messages; messages_unread is gone.
     */
    @Test
    void unreadMessagesAreReadThroughTheirTableKey() throws Exception {
        assertThat(plan(UnreadMessages.COUNT_SQL, "bob", 0L)).contains("PRIMARY_KEY").contains("CONVERSATION_ID = ")
                .doesNotContain("tableScan");
        assertThat(plan(UnreadMessages.UP_TO_SQL, "bob", 100L, 0L, 500)).contains("PRIMARY_KEY").contains("index sorted")
                .doesNotContain("tableScan");
        assertThat(plan(UnreadMessages.DELETE_SQL.replace("DELETE", "SELECT *"), "bob", 7L))
                .contains("PRIMARY_KEY").contains("SEQ = ").doesNotContain("tableScan");
        assertThat(plan(UnreadMessages.COUNTS_SQL)).contains("UNREAD_MESSAGES").doesNotContain("MESSAGES_");
        try (Connection c = TestKeys.connect(DatabaseFiles.of(base), false, true, TestKeys.key(1));
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                     + "WHERE TABLE_NAME = 'MESSAGES' AND INDEX_NAME = 'MESSAGES_UNREAD'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("messages_unread is gone").isZero();
        }
    }
}
