package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unread messages ({@code unread_messages}, V90): one row (conversation, seq) per message whose {@code unread} flag
 * is set, none for any other. Whoever sets or clears the flag adds or drops the row in the same transaction
 * ({@link Batch}, {@link #set}); counts and "mark read up to" read this table through its key. A read message, as
 * almost every message the disappearing sweep removes is, costs no entry here.
 */
final class UnreadMessages {
    /** Parameters: conversation, erased-up-to sequence ({@link PendingErasures#floor}). */
    static final String COUNT_SQL = "SELECT COUNT(*) FROM unread_messages WHERE conversation_id = ? AND seq > ?";
    /** Every conversation's count, without the messages of erased parts ({@link PendingErasures#visible}). */
    static final String COUNTS_SQL = "SELECT u.conversation_id, COUNT(*) FROM unread_messages u WHERE "
            + PendingErasures.visible("u") + " GROUP BY u.conversation_id";
    /** Parameters: conversation, up-to-sequence (inclusive), erased-up-to sequence, limit. Oldest first. */
    static final String UP_TO_SQL = "SELECT seq FROM unread_messages WHERE conversation_id = ? AND seq <= ? "
            + "AND seq > ? ORDER BY conversation_id, seq FETCH FIRST ? ROWS ONLY";
    static final String INSERT_SQL = "INSERT INTO unread_messages (conversation_id, seq) VALUES (?, ?)";
    static final String DELETE_SQL = "DELETE FROM unread_messages WHERE conversation_id = ? AND seq = ?";
    private static final int SLICE = 64;

    private UnreadMessages() {
    }

    static int count(Connection c, ConversationId conversation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COUNT_SQL)) {
            ps.setString(1, conversation.value());
            ps.setLong(2, PendingErasures.floor(c, conversation));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The number of unread messages of every conversation that has any. */
    static Map<String, Integer> counts(Connection c) throws SQLException {
        Map<String, Integer> unread = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COUNTS_SQL);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                unread.put(rs.getString(1), rs.getInt(2));
            }
        }
        return unread;
    }

    /**
     * Marks the oldest {@code limit} unread messages of {@code conversation} at or before {@code upTo} read (state
     * READ, flag cleared, row dropped), skipping an erased part of the conversation ({@link PendingErasures#floor});
     * returns their ids, oldest first.
     */
    static List<MessageId> markReadUpTo(Connection c, ConversationId conversation, long upTo, int limit)
            throws SQLException {
        List<Object> seqs = new ArrayList<>();
        long floor = PendingErasures.floor(c, conversation);
        try (PreparedStatement ps = c.prepareStatement(UP_TO_SQL)) {
            ps.setString(1, conversation.value());
            ps.setLong(2, upTo);
            ps.setLong(3, floor);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        List<MessageId> changed = new ArrayList<>(seqs.size());
        if (seqs.isEmpty()) {
            return changed;
        }
        try (PreparedStatement ids = c.prepareStatement(
                "SELECT message_id FROM messages WHERE seq = ANY(?) ORDER BY seq");
             PreparedStatement read = c.prepareStatement(
                     "UPDATE messages SET state = 'READ', unread = FALSE WHERE seq = ANY(?)")) {
            for (int from = 0; from < seqs.size(); from += SLICE) {
                java.sql.Array slice = c.createArrayOf("BIGINT",
                        seqs.subList(from, Math.min(seqs.size(), from + SLICE)).toArray());
                ids.setArray(1, slice);
                try (ResultSet rs = ids.executeQuery()) {
                    while (rs.next()) {
                        changed.add(new MessageId(rs.getString(1)));
                    }
                }
                read.setArray(1, slice);
                read.executeUpdate();
            }
        }
        // exactly the rows read: the oldest unread ones above the floor up to the last of them
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM unread_messages WHERE conversation_id = ? AND seq <= ? AND seq > ?")) {
            ps.setString(1, conversation.value());
            ps.setLong(2, (Long) seqs.get(seqs.size() - 1));
            ps.setLong(3, floor);
            ps.executeUpdate();
        }
        return changed;
    }

    /** Adds or drops the row of the message at {@code seq} when its unread flag changes from {@code was}. */
    static void set(Connection c, String conversation, long seq, boolean was, boolean unread) throws SQLException {
        if (was != unread) {
            try (PreparedStatement ps = c.prepareStatement(unread ? INSERT_SQL : DELETE_SQL)) {
                ps.setString(1, conversation);
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
        }
    }

    /** The rows of one writer's unread messages, inserted (new messages) or dropped (removed ones) at once. */
    static final class Batch {
        private final KeySeqRows rows = new KeySeqRows();

        void add(String conversation, long seq) {
            rows.add(conversation, seq);
        }

        void insert(Connection c) throws SQLException {
            rows.run(c, INSERT_SQL);
        }

        void delete(Connection c) throws SQLException {
            rows.run(c, DELETE_SQL);
        }
    }
}
