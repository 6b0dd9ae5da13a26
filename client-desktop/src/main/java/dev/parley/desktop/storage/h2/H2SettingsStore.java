package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.SettingsStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class H2SettingsStore implements SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(H2SettingsStore.class);
    private final H2TransactionManager manager;

    H2SettingsStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public <T> T get(Transaction txn, Setting<T> setting) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT setting_value FROM settings WHERE setting_key = ?")) {
            ps.setString(1, setting.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return setting.defaultValue();
                }
                try {
                    return setting.decode(rs.getString(1));
                } catch (IllegalArgumentException e) {
                    LOG.warn("Stored value of setting {} is not valid; using the default", setting.key());
                    return setting.defaultValue();
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a setting", e);
        }
    }

    @Override
    public <T> void set(Transaction txn, Setting<T> setting, T value) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        String text = setting.encode(value);
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO settings (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)")) {
            ps.setString(1, setting.key());
            ps.setString(2, text);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("writing a setting", e);
        }
    }

    @Override
    public void reset(Transaction txn, Setting<?> setting) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE setting_key = ?")) {
            ps.setString(1, setting.key());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("resetting a setting", e);
        }
    }
}
