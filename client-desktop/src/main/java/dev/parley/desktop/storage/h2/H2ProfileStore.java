package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ProfileStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.UserProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

final class H2ProfileStore implements ProfileStore {
    private final H2TransactionManager manager;

    H2ProfileStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean putIfNewer(Transaction txn, UserProfile profile) throws StorageException {
        Optional<UserProfile> stored = find(txn, profile.username());
        if (stored.isPresent() && stored.get().version() >= profile.version()) {
            return false;
        }
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO profiles (username, version, display_name, about, "
                + "avatar, updated_at) KEY (username) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, profile.username());
            ps.setLong(2, profile.version());
            ps.setString(3, profile.displayName());
            ps.setString(4, profile.about());
            ps.setBytes(5, profile.avatar());
            ps.setLong(6, profile.updatedAt().toEpochMilli());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            throw Sql.failure("storing a profile", e);
        }
    }

    @Override
    public Optional<UserProfile> find(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, display_name, about, avatar, updated_at FROM profiles WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UserProfile(username, rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBytes(4), Instant.ofEpochMilli(rs.getLong(5))));
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a profile", e);
        }
    }

    @Override
    public boolean remove(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement profile = c.prepareStatement("DELETE FROM profiles WHERE username = ?");
             PreparedStatement shared = c.prepareStatement("DELETE FROM profile_shared WHERE username = ?")) {
            profile.setString(1, username);
            shared.setString(1, username);
            return profile.executeUpdate() + shared.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("removing a profile", e);
        }
    }

    @Override
    public long sharedVersion(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM profile_shared WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw Sql.failure("reading what profile was shared", e);
        }
    }

    @Override
    public void setSharedVersion(Transaction txn, String username, long version) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO profile_shared (username, version) KEY (username) VALUES (?, ?)")) {
            ps.setString(1, username);
            ps.setLong(2, version);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("recording a shared profile", e);
        }
    }
}
