package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationMarkStore;
import dev.parley.desktop.storage.ConversationMarks;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mute and archive as two columns of the conversation's row (V44), so erasing the conversation erases them. */
final class H2ConversationMarkStore implements ConversationMarkStore {
    private final H2TransactionManager manager;

    H2ConversationMarkStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean setMuted(Transaction txn, ConversationId id, boolean muted) throws StorageException {
        return set(txn, "UPDATE conversations SET muted = ? WHERE conversation_id = ?", id, muted);
    }

    @Override
    public boolean setArchived(Transaction txn, ConversationId id, boolean archived) throws StorageException {
        return set(txn, "UPDATE conversations SET archived = ? WHERE conversation_id = ?", id, archived);
    }

    private boolean set(Transaction txn, String sql, ConversationId id, boolean value) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBoolean(1, value);
            ps.setString(2, id.value());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("marking a conversation", e);
        }
    }

    @Override
    public ConversationMarks marks(Transaction txn, ConversationId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT muted, archived FROM conversations WHERE conversation_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ConversationMarks(rs.getBoolean(1), rs.getBoolean(2)) : ConversationMarks.NONE;
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a conversation's marks", e);
        }
    }

    @Override
    public Map<ConversationId, ConversationMarks> marked(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id, muted, archived FROM conversations"
                + " WHERE muted OR archived ORDER BY conversation_id");
             ResultSet rs = ps.executeQuery()) {
            Map<ConversationId, ConversationMarks> out = new LinkedHashMap<>();
            while (rs.next()) {
                out.put(new ConversationId(rs.getString(1)), new ConversationMarks(rs.getBoolean(2), rs.getBoolean(3)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading conversation marks", e);
        }
    }
}
