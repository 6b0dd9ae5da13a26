package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The conversations being erased (V91 {@code conversation_erasures}): each with the newest position its messages had
 * when it was deleted. A message of such a conversation at or below that position is erased for every reader although
 * its row may still be there; {@link H2HistoryEraser} removes those rows a page per transaction.
 */
final class PendingErasures {
    private PendingErasures() {
    }

    /** A pending erase: the conversation and the newest position of the messages that go. */
    record Entry(ConversationId conversation, long upToSeq) {
    }

    /**
     * A condition that holds for the messages row {@code alias} unless it belongs to an erased part of a conversation:
     * a point look-up of the (almost always empty) table per row, for queries that read few rows or rows of several
     * conversations; queries of one conversation use {@link #floor} instead.
     */
    static String visible(String alias) {
        return "NOT EXISTS (SELECT 1 FROM conversation_erasures ce WHERE ce.conversation_id = " + alias
                + ".conversation_id AND " + alias + ".seq <= ce.up_to_seq)";
    }

    /** The position at or below which the conversation's messages are erased; {@link Long#MIN_VALUE} if none are. */
    static long floor(Connection c, ConversationId conversation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT up_to_seq FROM conversation_erasures WHERE conversation_id = ?")) {
            ps.setString(1, conversation.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
            }
        }
    }

    /** Records (or moves up) the erase of {@code conversation} up to {@code upToSeq}. */
    static void record(Connection c, ConversationId conversation, long upToSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO conversation_erasures (conversation_id, up_to_seq) "
                + "KEY (conversation_id) VALUES (?, ?)")) {
            ps.setString(1, conversation.value());
            ps.setLong(2, upToSeq);
            ps.executeUpdate();
        }
    }

    /** One pending erase (the first by conversation id), if any. */
    static Optional<Entry> first(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id, up_to_seq FROM conversation_erasures "
                + "ORDER BY conversation_id FETCH FIRST 1 ROW ONLY");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Entry(new ConversationId(rs.getString(1)), rs.getLong(2)))
                    : Optional.empty();
        }
    }

    static void finish(Connection c, ConversationId conversation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversation_erasures WHERE conversation_id = ?")) {
            ps.setString(1, conversation.value());
            ps.executeUpdate();
        }
    }

    static boolean any(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM conversation_erasures FETCH FIRST 1 ROW ONLY");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
