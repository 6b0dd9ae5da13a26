package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.AccountStore;
import dev.parley.desktop.storage.RelayPin;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

final class H2AccountStore implements AccountStore {
    private final H2TransactionManager manager;

    H2AccountStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public Optional<AccountInfo> get(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT username, relay_address FROM account WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new AccountInfo(rs.getString(1), rs.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw Sql.failure("reading the account", e);
        }
    }

    @Override
    public void put(Transaction txn, AccountInfo account) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        Objects.requireNonNull(account, "account");
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO account (id, username, relay_address) KEY (id) VALUES (1, ?, ?)")) {
            ps.setString(1, account.username());
            ps.setString(2, account.relayAddress());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("writing the account", e);
        }
    }

    @Override
    public Optional<RelayPin> relayPin(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT relay_id, relay_signing_key FROM account WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getBytes(1) == null || rs.getBytes(2) == null) {
                return Optional.empty();
            }
            return Optional.of(new RelayPin(rs.getBytes(1), rs.getBytes(2)));
        } catch (SQLException e) {
            throw Sql.failure("reading the relay pin", e);
        }
    }

    @Override
    public void pinRelay(Transaction txn, RelayPin pin) throws StorageException {
        update(txn, "UPDATE account SET relay_id = ?, relay_signing_key = ? WHERE id = 1", pin.relayId(), pin.signingKey());
    }

    @Override
    public Optional<byte[]> senderCertificate(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT sender_certificate FROM account WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
        } catch (SQLException e) {
            throw Sql.failure("reading the sender certificate", e);
        }
    }

    @Override
    public void putSenderCertificate(Transaction txn, byte[] certificate) throws StorageException {
        if (certificate == null || certificate.length == 0 || certificate.length > 256) {
            throw new IllegalArgumentException("certificate: 1 to 256 bytes expected");
        }
        update(txn, "UPDATE account SET sender_certificate = ? WHERE id = 1", certificate);
    }

    private void update(Transaction txn, String sql, byte[]... values) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setBytes(i + 1, values[i]);
            }
            if (ps.executeUpdate() != 1) {
                throw new StorageException("no account record to update");
            }
        } catch (SQLException e) {
            throw Sql.failure("writing the account", e);
        }
    }
}
