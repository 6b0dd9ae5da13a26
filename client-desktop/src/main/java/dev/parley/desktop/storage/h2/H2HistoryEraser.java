package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Erases a conversation in H2: search words (by key range, {@link MessageWords}), reactions, edit versions and
 * attachment rows of its messages first, then the messages and the record.
 */
final class H2HistoryEraser implements HistoryEraser {
    private static final String[] STATEMENTS = {
        "DELETE FROM reactions WHERE message_id IN (SELECT message_id FROM messages WHERE conversation_id = ?)",
        // earlier texts of edited messages, and file keys and names
        "DELETE FROM message_versions WHERE message_id IN (SELECT message_id FROM messages WHERE conversation_id = ?)",
        "DELETE FROM attachments WHERE message_id IN (SELECT message_id FROM messages WHERE conversation_id = ?)",
    };

    private final H2TransactionManager manager;

    H2HistoryEraser(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public int erase(Transaction txn, ConversationId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            MessageWords.delete(c, seqs(c, id));
            for (String sql : STATEMENTS) {
                update(c, sql, id);
            }
            int messages = update(c, "DELETE FROM messages WHERE conversation_id = ?", id);
            update(c, "DELETE FROM conversations WHERE conversation_id = ?", id);
            return messages;
        } catch (SQLException e) {
            throw Sql.failure("deleting a conversation", e);
        }
    }

    /** The conversation's sequence numbers, through messages_history. */
    private static long[] seqs(Connection c, ConversationId id) throws SQLException {
        java.util.List<Long> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM messages WHERE conversation_id = ?")) {
            ps.setString(1, id.value());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static int update(Connection c, String sql, ConversationId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.value());
            return ps.executeUpdate();
        }
    }
}
