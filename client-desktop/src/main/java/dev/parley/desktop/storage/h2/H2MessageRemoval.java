package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes a set of messages entirely, set-based: a bounded number of statements whatever the number of messages, each
 * prepared once per call and run on slices of {@value #SLICE} ids by {@code = ANY(array)}, plus one update per
 * conversation whose newest message may have gone. The search word keys of the removed bodies go afterwards, a key
 * range per word and run of removed positions ({@link RemovedWordKeys}); member receipts go explicitly (V81 dropped the
 * cascading foreign key, which H2 ran as one parsed statement per message); edit versions are looked up only for
 * messages that were edited, reactions only for messages marked reacted (V89); the snippets replies copied from the
 * removed messages are found in {@link MessageQuotes} (V88), and a removed reply drops its own row there, as an
 * unread one does in {@link UnreadMessages} (V90). The
 * slices keep H2's re-check of each row found against the array (a linear scan of the array) short.
 *
 * <p>The disappearing sweep ({@link #removeExpired}) takes what it needs of each row from the expiry scan itself, so it
 * reads no row twice.
 */
final class H2MessageRemoval {
    static final int SLICE = 64;
    private static final String COLUMNS = "seq, message_id, conversation_id, edit_count, body, reacted, quoted_id, "
            + "quoted_snippet IS NOT NULL, unread";
    /** Parameters: conversation, erased up to this sequence, page size. Newest first, in index order. */
    static final String CONVERSATION_PAGE_SQL = "SELECT " + COLUMNS + " FROM messages WHERE conversation_id = ? "
            + "AND seq <= ? ORDER BY conversation_id, seq DESC FETCH FIRST ? ROWS ONLY";

    private H2MessageRemoval() {
    }

    /** What removing one message needs of its row. */
    private record Found(long seq, String id, String conversation, boolean edited, String body, boolean reacted,
                         String quotedId, boolean carriesSnippet, boolean unread) {
        static Found of(ResultSet rs) throws SQLException {
            return new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) > 0, rs.getString(5),
                    rs.getBoolean(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9));
        }
    }

    /** Removes the messages that exist among {@code ids}; returns them by conversation, in the order given. */
    static Map<ConversationId, List<MessageId>> remove(Connection c, Collection<MessageId> ids) throws SQLException {
        if (ids.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Object[] idValues = ids.stream().map(MessageId::value).toArray();
        Map<String, Found> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM messages WHERE message_id = ANY(?)")) {
            for (int from = 0; from < idValues.length; from += SLICE) {
                ps.setArray(1, c.createArrayOf("CHARACTER VARYING",
                        Arrays.copyOfRange(idValues, from, Math.min(idValues.length, from + SLICE))));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Found row = Found.of(rs);
                        found.put(row.id(), row);
                    }
                }
            }
        }
        List<Found> inOrder = new ArrayList<>(found.size());
        for (Object id : idValues) {
            Found row = found.remove((String) id);
            if (row != null) {
                inOrder.add(row);
            }
        }
        return removeRows(c, inOrder);
    }

    /**
     * Removes up to {@code limit} messages whose expiry is at or before {@code now}, soonest first; returns them by
     * conversation in that order. The lower bound makes the scan of {@code messages_expiry} start after its NULL
     * entries (every message without a timer, sorted first).
     */
    static Map<ConversationId, List<MessageId>> removeExpired(Connection c, Instant now, int limit)
            throws SQLException {
        List<Found> rows = new ArrayList<>(Math.min(limit, 1_024));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM messages "
                + "WHERE expires_at >= ? AND expires_at <= ? ORDER BY expires_at LIMIT ?")) {
            ps.setLong(1, Long.MIN_VALUE);
            Sql.setInstant(ps, 2, now);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(Found.of(rs));
                }
            }
        }
        return removeRows(c, rows);
    }

    /**
     * Removes up to {@code limit} messages of {@code conversation} at or below position {@code upToSeq} (an erased
     * conversation's, {@link PendingErasures}), newest first, read in the order of {@code messages_history} so that H2
     * stops after the page: memory and the transaction's undo log stay one page however long the conversation is.
     * Returns how many went; fewer than {@code limit} means none are left. The conversation's record, if a newer
     * message made one again (or a group still being in it kept one), names its newest message that stays.
     */
    static int removeConversationPage(Connection c, ConversationId conversation, long upToSeq, int limit)
            throws SQLException {
        List<Found> page = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement(CONVERSATION_PAGE_SQL)) {
            ps.setString(1, conversation.value());
            ps.setLong(2, upToSeq);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(Found.of(rs));
                }
            }
        }
        removeRows(c, page);
        // removeRows names the newest remaining message, which may be an erased one still waiting for its page
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversations SET last_seq = (SELECT seq FROM messages "
                + "WHERE conversation_id = ? AND seq > ? ORDER BY conversation_id, seq DESC FETCH FIRST 1 ROW ONLY) "
                + "WHERE conversation_id = ?")) {
            ps.setString(1, conversation.value());
            ps.setLong(2, upToSeq);
            ps.setString(3, conversation.value());
            ps.executeUpdate();
        }
        return page.size();
    }

    private static Map<ConversationId, List<MessageId>> removeRows(Connection c, List<Found> rows)
            throws SQLException {
        Map<ConversationId, List<MessageId>> removed = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return removed;
        }
        try (PreparedStatement versions = c.prepareStatement("DELETE FROM message_versions WHERE message_id = ANY(?)");
             PreparedStatement reactions = c.prepareStatement("DELETE FROM reactions WHERE message_id = ANY(?)");
             PreparedStatement attachments = c.prepareStatement("DELETE FROM attachments WHERE message_id = ANY(?)");
             PreparedStatement receipts = c.prepareStatement(
                     "DELETE FROM group_member_receipts WHERE message_id = ANY(?)");
             PreparedStatement messages = c.prepareStatement("DELETE FROM messages WHERE seq = ANY(?)")) {
            for (int from = 0; from < rows.size(); from += SLICE) {
                List<Found> slice = rows.subList(from, Math.min(rows.size(), from + SLICE));
                Object[] ids = new Object[slice.size()];
                Object[] sliceSeqs = new Object[slice.size()];
                List<Object> edited = new ArrayList<>();
                List<Object> reacted = new ArrayList<>();
                MessageQuotes.Batch replies = new MessageQuotes.Batch();
                UnreadMessages.Batch unread = new UnreadMessages.Batch();
                for (int i = 0; i < ids.length; i++) {
                    Found row = slice.get(i);
                    ids[i] = row.id();
                    sliceSeqs[i] = row.seq();
                    if (row.edited()) {
                        edited.add(row.id());
                    }
                    if (row.reacted()) {
                        reacted.add(row.id());
                    }
                    if (row.carriesSnippet()) {
                        replies.add(row.seq(), row.quotedId());
                    }
                    if (row.unread()) {
                        unread.add(row.conversation(), row.seq());
                    }
                }
                java.sql.Array idArray = c.createArrayOf("CHARACTER VARYING", ids);
                if (!edited.isEmpty()) {
                    run(versions, c.createArrayOf("CHARACTER VARYING", edited.toArray()));
                }
                if (!reacted.isEmpty()) {
                    run(reactions, c.createArrayOf("CHARACTER VARYING", reacted.toArray()));
                }
                run(attachments, idArray);
                run(receipts, idArray);
                replies.forget(c);
                unread.delete(c);
                MessageQuotes.clearSnippetsOf(c, ids);
                run(messages, c.createArrayOf("BIGINT", sliceSeqs));
            }
        }
        removeWordKeys(c, rows);
        for (Found row : rows) {
            removed.computeIfAbsent(new ConversationId(row.conversation()), k -> new ArrayList<>())
                    .add(new MessageId(row.id()));
        }
        // the newest remaining message through messages_history in index order (MAX(seq) aggregated every row)
        try (PreparedStatement ps = c.prepareStatement("UPDATE conversations SET last_seq = (SELECT seq FROM messages "
                + "WHERE conversation_id = ? ORDER BY conversation_id, seq DESC FETCH FIRST 1 ROW ONLY) "
                + "WHERE conversation_id = ?")) {
            for (ConversationId conversation : removed.keySet()) {
                ps.setString(1, conversation.value());
                ps.setString(2, conversation.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return removed;
    }

    /**
     * After the rows: their word keys go by ranges over runs of removed positions that no staying message splits. A
     * method of its own so that the JIT compiles this loop by itself (inside {@code removeRows} it was compiled
     * on-stack with the whole of that method, the sweep's largest compile).
     */
    private static void removeWordKeys(Connection c, List<Found> rows) throws SQLException {
        RemovedWordKeys words = new RemovedWordKeys(rows.size());
        for (Found row : rows) {
            words.add(row.seq(), row.body());
        }
        words.delete(c);
    }

    private static void run(PreparedStatement ps, java.sql.Array values) throws SQLException {
        ps.setArray(1, values);
        ps.executeUpdate();
    }
}
