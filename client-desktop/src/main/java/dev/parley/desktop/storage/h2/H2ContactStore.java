package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ContactStore;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.IdentityKeyUpdate;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

final class H2ContactStore implements ContactStore {
    private static final String COLUMNS = "username, identity_key, verified, identity_change, display_name, created_at";
    private final H2TransactionManager manager;

    H2ContactStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean add(Transaction txn, Contact contact) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            if (load(c, contact.username()).isPresent()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contacts (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, contact.username());
                ps.setBytes(2, contact.identityKey());
                ps.setBoolean(3, contact.verified());
                ps.setString(4, contact.identityChange().name());
                ps.setString(5, contact.displayName());
                Sql.setInstant(ps, 6, contact.createdAt());
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failure("adding a contact", e);
        }
    }

    @Override
    public Optional<Contact> find(Transaction txn, String username) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try {
            return load(c, username);
        } catch (SQLException e) {
            throw Sql.failure("reading a contact", e);
        }
    }

    @Override
    public List<Contact> list(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            List<Contact> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("listing contacts", e);
        }
    }

    @Override
    public IdentityKeyUpdate updateIdentityKey(Transaction txn, String username, byte[] identityKey)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            Optional<Contact> existing = load(c, username);
            if (existing.isEmpty()) {
                return IdentityKeyUpdate.NOT_FOUND;
            }
            if (Arrays.equals(existing.get().identityKey(), identityKey)) {
                return IdentityKeyUpdate.UNCHANGED;
            }
            Contact changed = new Contact(username, identityKey, false, IdentityChangeState.CHANGED_UNACKNOWLEDGED,
                    existing.get().displayName(), existing.get().createdAt());
            try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET identity_key = ?, verified = FALSE, "
                    + "identity_change = ? WHERE username = ?")) {
                ps.setBytes(1, changed.identityKey());
                ps.setString(2, changed.identityChange().name());
                ps.setString(3, username);
                ps.executeUpdate();
            }
            return IdentityKeyUpdate.CHANGED;
        } catch (SQLException e) {
            throw Sql.failure("updating an identity key", e);
        }
    }

    @Override
    public boolean setVerified(Transaction txn, String username, boolean verified) throws StorageException {
        String sql = verified
                ? "UPDATE contacts SET verified = TRUE, identity_change = 'NONE' WHERE username = ?"
                : "UPDATE contacts SET verified = FALSE WHERE username = ?";
        return update(txn, sql, username, "verifying a contact");
    }

    @Override
    public boolean acknowledgeIdentityChange(Transaction txn, String username) throws StorageException {
        return update(txn, "UPDATE contacts SET identity_change = 'NONE' WHERE username = ?", username,
                "acknowledging an identity change");
    }

    @Override
    public boolean setIdentityChange(Transaction txn, String username, IdentityChangeState state) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET identity_change = ? WHERE username = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("changing a contact's identity state", e);
        }
    }

    @Override
    public boolean setDisplayName(Transaction txn, String username, String displayName) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        StoreArguments.checkDisplayName(displayName);
        try (PreparedStatement ps = c.prepareStatement("UPDATE contacts SET display_name = ? WHERE username = ?")) {
            ps.setString(1, displayName);
            ps.setString(2, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("renaming a contact", e);
        }
    }

    @Override
    public boolean remove(Transaction txn, String username) throws StorageException {
        return update(txn, "DELETE FROM contacts WHERE username = ?", username, "removing a contact");
    }

    private boolean update(Transaction txn, String sql, String username, String what) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure(what, e);
        }
    }

    private static Optional<Contact> load(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contacts WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Contact read(ResultSet rs) throws SQLException {
        return new Contact(rs.getString("username"), rs.getBytes("identity_key"), rs.getBoolean("verified"),
                IdentityChangeState.valueOf(rs.getString("identity_change")), rs.getString("display_name"),
                Sql.getInstant(rs, "created_at"));
    }
}
