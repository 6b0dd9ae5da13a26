package dev.parley.desktop.storage.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The replies that still carry a snippet of the message they quote ({@code message_quotes}, V88): one row (quoted
 * message's id, reply's seq) per such reply, none for any other message. A reply's writers add its row in the
 * reply's transaction ({@link Batch}); clearing the snippets copied from deleted or removed messages finds the replies
 * here ({@link #clearSnippetsOf}), and removing a reply drops its row ({@link Batch#forget}). So a message that nobody
 * quotes costs one seek in this small table, and no index entry on {@code messages}.
 */
final class MessageQuotes {
    static final String INSERT_SQL = "INSERT INTO message_quotes (quoted_id, seq) VALUES (?, ?)";
    /** The replies that copied a snippet of any of the given message ids (one array parameter). */
    static final String QUOTING_SQL = "SELECT seq FROM message_quotes WHERE quoted_id = ANY(?)";
    static final String FORGET_SQL = "DELETE FROM message_quotes WHERE quoted_id = ? AND seq = ?";
    private static final String CLEAR_SQL = "UPDATE messages SET quoted_snippet = NULL WHERE seq = ANY(?)";
    private static final String DROP_SQL = "DELETE FROM message_quotes WHERE quoted_id = ANY(?)";

    private MessageQuotes() {
    }

    /**
     * Clears the snippets that replies copied from the messages {@code ids} (message ids) and drops their rows; the
     * replies keep the quoted id and author. Returns how many replies were changed.
     */
    static int clearSnippetsOf(Connection c, Object[] ids) throws SQLException {
        java.sql.Array idArray = c.createArrayOf("CHARACTER VARYING", ids);
        List<Object> replies = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(QUOTING_SQL)) {
            ps.setArray(1, idArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replies.add(rs.getLong(1));
                }
            }
        }
        if (replies.isEmpty()) {
            return 0;
        }
        try (PreparedStatement clear = c.prepareStatement(CLEAR_SQL);
             PreparedStatement drop = c.prepareStatement(DROP_SQL)) {
            clear.setArray(1, c.createArrayOf("BIGINT", replies.toArray()));
            clear.executeUpdate();
            drop.setArray(1, idArray);
            drop.executeUpdate();
        }
        return replies.size();
    }

    /** The rows added for replies of one writer's batch, inserted at once. */
    static final class Batch {
        private final KeySeqRows rows = new KeySeqRows();

        /** Adds the row of the message at {@code seq} if it is a reply that carries a snippet of {@code quotedId}. */
        void addIfSnippet(long seq, String quotedId, String snippet) {
            if (quotedId != null && snippet != null) {
                add(seq, quotedId);
            }
        }

        /** Adds the row of the reply at {@code seq}, which carries a snippet of {@code quotedId}. */
        void add(long seq, String quotedId) {
            rows.add(quotedId, seq);
        }

        void insert(Connection c) throws SQLException {
            rows.run(c, INSERT_SQL);
        }

        /** Drops the rows of these replies, being removed. */
        void forget(Connection c) throws SQLException {
            rows.run(c, FORGET_SQL);
        }
    }
}
