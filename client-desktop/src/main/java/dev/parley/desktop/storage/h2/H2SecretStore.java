package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.SecretStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol state in the {@code secrets} table, each value sealed by {@link SecretSealer} (XSalsa20-Poly1305 bound
 * to its namespace and key), because H2's file cipher does not authenticate: a row changed or moved in the file is
 * refused with a {@link dev.parley.desktop.storage.TamperedSecretException} instead of being used.
 */
final class H2SecretStore implements SecretStore {
    private final H2TransactionManager manager;
    private final SecretSealer sealer;

    H2SecretStore(H2TransactionManager manager, SecretSealer sealer) {
        this.manager = manager;
        this.sealer = sealer;
    }

    @Override
    public void put(Transaction txn, SecretNamespace namespace, String key, byte[] value) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(value, "value");
        StoreArguments.checkSecret(key, value);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO secrets (namespace, secret_key, secret_value) "
                + "KEY (namespace, secret_key) VALUES (?, ?, ?)")) {
            ps.setString(1, namespace.name());
            ps.setString(2, key);
            ps.setBytes(3, sealer.seal(namespace, key, value));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("storing protocol state", e);
        }
    }

    @Override
    public Optional<byte[]> get(Transaction txn, SecretNamespace namespace, String key) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret_value FROM secrets WHERE namespace = ? AND secret_key = ?")) {
            ps.setString(1, namespace.name());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(sealer.open(namespace, key, rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading protocol state", e);
        }
    }

    @Override
    public boolean contains(Transaction txn, SecretNamespace namespace, String key) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM secrets WHERE namespace = ? AND secret_key = ?")) {
            ps.setString(1, namespace.name());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading protocol state", e);
        }
    }

    @Override
    public boolean delete(Transaction txn, SecretNamespace namespace, String key) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM secrets WHERE namespace = ? AND secret_key = ?")) {
            ps.setString(1, namespace.name());
            ps.setString(2, key);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("deleting protocol state", e);
        }
    }

    @Override
    public List<String> keys(Transaction txn, SecretNamespace namespace) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret_key FROM secrets WHERE namespace = ? ORDER BY secret_key")) {
            ps.setString(1, namespace.name());
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw Sql.failure("listing protocol state", e);
        }
    }
}
