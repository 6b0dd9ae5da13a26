package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.AccountStore;
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
}
