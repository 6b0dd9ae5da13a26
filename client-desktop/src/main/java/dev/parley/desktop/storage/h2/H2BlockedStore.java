package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.BlockedStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class H2BlockedStore implements BlockedStore {
    private final H2TransactionManager manager;

    H2BlockedStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean block(Transaction txn, String username, Instant at) throws StorageException {
        if (isBlocked(txn, username)) {
            return false;
        }
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO blocked_users (username, blocked_at) VALUES (?, ?)")) {
            ps.setString(1, username);
            ps.setLong(2, at.toEpochMilli());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            throw Sql.failure("blocking a user", e);
        }
    }

    @Override
    public boolean unblock(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM blocked_users WHERE username = ?")) {
            ps.setString(1, username);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("unblocking a user", e);
        }
    }

    @Override
    public boolean isBlocked(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM blocked_users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading blocked users", e);
        }
    }

    @Override
    public List<String> list(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT username FROM blocked_users ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("listing blocked users", e);
        }
    }
}
