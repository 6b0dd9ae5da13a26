package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Erases a conversation in H2: search word keys (of its bodies' words, {@link SearchWordKeys}), reactions, edit versions and
 * attachment rows and members' receipts of its messages first, then the messages and the record.
 */
final class H2HistoryEraser implements HistoryEraser {
    private static final String[] STATEMENTS = {
        "DELETE FROM reactions WHERE message_id IN (SELECT message_id FROM messages WHERE conversation_id = ?)",
        // earlier texts of edited messages, and file keys and names
        "DELETE FROM message_versions WHERE message_id IN (SELECT message_id FROM messages WHERE conversation_id = ?)",
        "DELETE FROM attachments WHERE message_id IN (SELECT message_id FROM messages WHERE conversation_id = ?)",
        // members' receipts of own group messages (no cascading foreign key since V81)
        "DELETE FROM group_member_receipts WHERE message_id IN "
                + "(SELECT message_id FROM messages WHERE conversation_id = ?)",
    };

    private final H2TransactionManager manager;

    H2HistoryEraser(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public int erase(Transaction txn, ConversationId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            wordKeys(c, id).delete(c);
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

    /** The search word keys of the conversation's messages (their bodies' words), through messages_history. */
    private static SearchWordKeys.Batch wordKeys(Connection c, ConversationId id) throws SQLException {
        SearchWordKeys.Batch keys = new SearchWordKeys.Batch();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, body FROM messages WHERE conversation_id = ?")) {
            ps.setString(1, id.value());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return keys;
    }

    private static int update(Connection c, String sql, ConversationId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.value());
            return ps.executeUpdate();
        }
    }
}
