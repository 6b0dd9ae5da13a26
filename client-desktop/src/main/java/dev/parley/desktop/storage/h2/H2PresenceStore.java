package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.PresenceStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class H2PresenceStore implements PresenceStore {
    private final H2TransactionManager manager;

    H2PresenceStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public void recordSeen(Transaction txn, String username, Instant at) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE contact_presence SET last_seen = GREATEST(last_seen, ?) WHERE username = ?")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, username);
            if (update.executeUpdate() > 0) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO contact_presence (username, last_seen) VALUES (?, ?)")) {
                insert.setString(1, username);
                insert.setLong(2, at.toEpochMilli());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.failure("recording presence", e);
        }
    }

    @Override
    public Optional<Instant> lastSeen(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seen FROM contact_presence WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading presence", e);
        }
    }

    @Override
    public Map<String, Instant> all(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT username, last_seen FROM contact_presence");
             ResultSet rs = ps.executeQuery()) {
            Map<String, Instant> out = new TreeMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading presence", e);
        }
    }

    @Override
    public boolean remove(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM contact_presence WHERE username = ?")) {
            ps.setString(1, username);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("removing presence", e);
        }
    }
}
