package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ListenChange;
import dev.parley.desktop.storage.ListenChangeStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The table {@code listen_changes} (V47). */
final class H2ListenChangeStore implements ListenChangeStore {
    private final H2TransactionManager manager;

    H2ListenChangeStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public void note(Transaction txn, ListenChange change) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO listen_changes (message_id, kind, reactor, emoji) VALUES (?, ?, ?, ?)");
             PreparedStatement prune = c.prepareStatement(
                     "DELETE FROM listen_changes WHERE seq <= (SELECT MAX(seq) FROM listen_changes) - ?")) {
            insert.setString(1, change.messageId().value());
            insert.setString(2, change.kind().name());
            insert.setString(3, change.reactor());
            insert.setString(4, change.emoji());
            insert.executeUpdate();
            prune.setLong(1, MAX_KEPT);
            prune.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("noting a change for listen", e);
        }
    }

    @Override
    public List<ListenChange> oldest(Transaction txn, int limit) throws StorageException {
        StoreArguments.checkLimit(limit);
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, message_id, kind, reactor, emoji FROM listen_changes ORDER BY seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<ListenChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ListenChange(rs.getLong(1), new MessageId(rs.getString(2)),
                            ListenChange.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading changes for listen", e);
        }
    }

    @Override
    public void removeUpTo(Transaction txn, long seq) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM listen_changes WHERE seq <= ?")) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("removing printed changes", e);
        }
    }
}
