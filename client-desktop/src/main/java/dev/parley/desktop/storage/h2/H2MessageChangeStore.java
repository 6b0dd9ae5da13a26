package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageChangeStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageVersion;
import dev.parley.desktop.storage.PendingAction;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Edits, tombstones and removal in H2. A message's search word keys ({@link SearchWordKeys}) are those of its
 * body's words, so replacing or erasing a text deletes the keys of the text that goes: point deletes, never a scan.
 */
final class H2MessageChangeStore implements MessageChangeStore {
    private final H2TransactionManager manager;

    H2MessageChangeStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    /** The columns of one message this store needs. */
    private record Row(long seq, String conversation, String body, Instant sentAt, Instant editedAt, int editCount,
                       boolean deleted) {
    }

    @Override
    public boolean edit(Transaction txn, MessageId id, String body, Instant editedAt) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            Optional<Row> found = row(c, id);
            if (found.isEmpty() || found.get().deleted()) {
                return false;
            }
            Row row = found.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO message_versions (message_id, version, body, written_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, id.value());
                ps.setInt(2, row.editCount());
                ps.setString(3, row.body());
                Sql.setInstant(ps, 4, row.editedAt() != null ? row.editedAt() : row.sentAt());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET body = ?, edited_at = ?, "
                    + "edit_count = edit_count + 1 WHERE seq = ?")) {
                ps.setString(1, body);
                Sql.setInstant(ps, 2, editedAt);
                ps.setLong(3, row.seq());
                ps.executeUpdate();
            }
            SearchWordKeys.replace(c, row.seq(), row.body(), body);
            return true;
        } catch (SQLException e) {
            throw Sql.failure("editing a message", e);
        }
    }

    @Override
    public List<MessageVersion> versions(Transaction txn, MessageId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try {
            Optional<Row> row = row(c, id);
            if (row.isEmpty()) {
                return List.of();
            }
            List<MessageVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body, written_at FROM message_versions "
                    + "WHERE message_id = ? ORDER BY version")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MessageVersion(rs.getString(1), Sql.getInstant(rs, "written_at")));
                    }
                }
            }
            Row current = row.get();
            out.add(new MessageVersion(current.body(), current.editedAt() != null ? current.editedAt() : current.sentAt()));
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading a message's versions", e);
        }
    }

    @Override
    public boolean markDeleted(Transaction txn, MessageId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            Optional<Row> found = row(c, id);
            if (found.isEmpty() || found.get().deleted()) {
                return false;
            }
            Row row = found.get();
            SearchWordKeys.delete(c, SearchWordKeys.keys(row.seq(), row.body()));
            deleteDependents(c, id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET body = '', deleted = TRUE WHERE seq = ?")) {
                ps.setLong(1, row.seq());
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failure("deleting a message", e);
        }
    }

    @Override
    public int remove(Transaction txn, Collection<MessageId> ids) throws StorageException {
        int removed = 0;
        for (List<MessageId> inConversation : removeAll(txn, ids).values()) {
            removed += inConversation.size();
        }
        return removed;
    }

    @Override
    public Map<ConversationId, List<MessageId>> removeAll(Transaction txn, Collection<MessageId> ids)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            return H2MessageRemoval.remove(c, ids);
        } catch (SQLException e) {
            throw Sql.failure("removing messages", e);
        }
    }

    @Override
    public Map<ConversationId, List<MessageId>> removeExpired(Transaction txn, Instant now, int limit)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            return H2MessageRemoval.removeExpired(c, now, limit);
        } catch (SQLException e) {
            throw Sql.failure("removing expired messages", e);
        }
    }

    @Override
    public void keepPending(Transaction txn, PendingAction action) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_actions (target_id, author, action, body, "
                + "action_at, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, action.target().value());
            ps.setString(2, action.author());
            ps.setString(3, action.kind().name());
            ps.setString(4, action.body());
            Sql.setInstant(ps, 5, action.actionAt());
            Sql.setInstant(ps, 6, action.receivedAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("keeping an early edit or delete", e);
        }
    }

    @Override
    public boolean hasPending(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pending_actions LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw Sql.failure("looking for early edits or deletes", e);
        }
    }

    @Override
    public List<PendingAction> takePending(Transaction txn, MessageId target) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        List<PendingAction> out = new ArrayList<>();
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT author, action, body, action_at, received_at "
                    + "FROM pending_actions WHERE target_id = ? ORDER BY target_id, action_seq")) {
                ps.setString(1, target.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PendingAction(target, rs.getString(1), PendingAction.Kind.valueOf(rs.getString(2)),
                                rs.getString(3), Sql.getInstant(rs, "action_at"), Sql.getInstant(rs, "received_at")));
                    }
                }
            }
            if (!out.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_actions WHERE target_id = ?")) {
                    ps.setString(1, target.value());
                    ps.executeUpdate();
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading early edits or deletes", e);
        }
    }

    @Override
    public int dropPendingReceivedBefore(Transaction txn, Instant cutoff) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_actions WHERE received_at < ?")) {
            Sql.setInstant(ps, 1, cutoff);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("dropping old early edits or deletes", e);
        }
    }

    private static Optional<Row> row(Connection c, MessageId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, conversation_id, body, sent_at, edited_at, "
                + "edit_count, deleted FROM messages WHERE message_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Sql.getInstant(rs, "sent_at"), Sql.getInstant(rs, "edited_at"), rs.getInt(6), rs.getBoolean(7)));
            }
        }
    }

    /** Earlier versions, reactions and the snippets replies copied: what goes with a deleted or removed text. */
    private static void deleteDependents(Connection c, MessageId id) throws SQLException {
        try (PreparedStatement versions = c.prepareStatement("DELETE FROM message_versions WHERE message_id = ?");
             PreparedStatement reactions = c.prepareStatement("DELETE FROM reactions WHERE message_id = ?");
             PreparedStatement attachments = c.prepareStatement("DELETE FROM attachments WHERE message_id = ?")) {
            versions.setString(1, id.value());
            versions.executeUpdate();
            reactions.setString(1, id.value());
            reactions.executeUpdate();
            attachments.setString(1, id.value());
            attachments.executeUpdate();
            MessageQuotes.clearSnippetsOf(c, new Object[] {id.value()});
        }
    }
}
