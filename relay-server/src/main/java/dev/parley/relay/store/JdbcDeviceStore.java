package dev.parley.relay.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link DeviceStore} on the {@code devices} table, the same SQL on H2 and PostgreSQL. Adding a device locks the
 * account's row first ({@code FOR UPDATE}), so two adds for one account, on any nodes, never pass the limit together
 * or take the same id.
 */
final class JdbcDeviceStore implements DeviceStore {
    /** Runs work in one transaction of the database the store lives in. */
    interface Transactions {
        <T> T run(Work<T> work);

        /** Read-only work; sees every committed write (on H2 without waiting for the writer). */
        default <T> T read(Work<T> work) {
            return run(work);
        }
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String COLUMNS = "device_id, credential_key, name, created_at, last_seen_at, unlinked_at";

    private final Transactions tx;
    private final UsernameKey usernames;

    JdbcDeviceStore(Transactions tx, UsernameKey usernames) {
        this.tx = tx;
        this.usernames = usernames;
    }

    @Override
    public void ensureFirst(String username, byte[] identityKey, Instant now) {
        byte[] key = usernames.of(username);
        try {
            tx.run(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO devices (account_key, " + COLUMNS
                        + ") SELECT ?, 1, ?, ?, ?, ?, NULL WHERE NOT EXISTS (SELECT 1 FROM devices WHERE account_key = ?)")) {
                    insert.setBytes(1, key);
                    insert.setBytes(2, identityKey);
                    insert.setBytes(3, new byte[0]);
                    insert.setLong(4, now.toEpochMilli());
                    insert.setLong(5, now.toEpochMilli());
                    insert.setBytes(6, key);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            // Another node inserted device 1 at the same moment: the primary key refused the second one.
            if (find(username, 1).isEmpty()) {
                throw e;
            }
        }
    }

    @Override
    public void reset(String username, byte[] identityKey, Instant now) {
        byte[] key = usernames.of(username);
        tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM devices WHERE account_key = ?")) {
                delete.setBytes(1, key);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO devices (account_key, " + COLUMNS
                    + ") VALUES (?, 1, ?, ?, ?, ?, NULL)")) {
                insert.setBytes(1, key);
                insert.setBytes(2, identityKey);
                insert.setBytes(3, new byte[0]);
                insert.setLong(4, now.toEpochMilli());
                insert.setLong(5, now.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public OptionalInt add(String username, byte[] credentialKey, byte[] name, Instant now, int max) {
        byte[] key = usernames.of(username);
        return tx.run(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM accounts WHERE username_key = ? FOR UPDATE")) {
                lock.setBytes(1, key);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return OptionalInt.empty();
                    }
                }
            }
            int current;
            int highest;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) - COUNT(unlinked_at), "
                    + "COALESCE(MAX(device_id), 0) FROM devices WHERE account_key = ?")) {
                count.setBytes(1, key);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    current = rs.getInt(1);
                    highest = rs.getInt(2);
                }
            }
            if (highest == 0 || current >= max) {
                return OptionalInt.empty();
            }
            int id = highest + 1;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO devices (account_key, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
                insert.setBytes(1, key);
                insert.setInt(2, id);
                insert.setBytes(3, credentialKey);
                insert.setBytes(4, name);
                insert.setLong(5, now.toEpochMilli());
                insert.setLong(6, now.toEpochMilli());
                insert.executeUpdate();
            }
            return OptionalInt.of(id);
        });
    }

    @Override
    public List<Device> current(String username) {
        byte[] key = usernames.of(username);
        return tx.read(c -> {
            List<Device> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM devices WHERE account_key = ? AND unlinked_at IS NULL ORDER BY device_id")) {
                select.setBytes(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(device(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Device> find(String username, int deviceId) {
        byte[] key = usernames.of(username);
        return tx.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM devices WHERE account_key = ? AND device_id = ?")) {
                select.setBytes(1, key);
                select.setInt(2, deviceId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(device(rs)) : Optional.<Device>empty();
                }
            }
        });
    }

    @Override
    public boolean replaceCredential(String username, int deviceId, byte[] credentialKey) {
        byte[] key = usernames.of(username);
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE devices SET credential_key = ? "
                    + "WHERE account_key = ? AND device_id = ? AND unlinked_at IS NULL")) {
                update.setBytes(1, credentialKey);
                update.setBytes(2, key);
                update.setInt(3, deviceId);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean rename(String username, int deviceId, byte[] name) {
        byte[] key = usernames.of(username);
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE devices SET name = ? "
                    + "WHERE account_key = ? AND device_id = ? AND unlinked_at IS NULL")) {
                update.setBytes(1, name);
                update.setBytes(2, key);
                update.setInt(3, deviceId);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public UnlinkOutcome unlink(String username, int deviceId, Instant now) {
        byte[] key = usernames.of(username);
        return tx.run(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT device_id FROM devices "
                    + "WHERE account_key = ? AND unlinked_at IS NULL ORDER BY device_id FOR UPDATE")) {
                lock.setBytes(1, key);
                List<Integer> ids = new ArrayList<>();
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
                if (!ids.contains(deviceId)) {
                    return UnlinkOutcome.UNKNOWN;
                }
                if (ids.size() == 1) {
                    return UnlinkOutcome.LAST;
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE devices SET unlinked_at = ?, name = ? "
                    + "WHERE account_key = ? AND device_id = ?")) {
                update.setLong(1, now.toEpochMilli());
                update.setBytes(2, new byte[0]);
                update.setBytes(3, key);
                update.setInt(4, deviceId);
                update.executeUpdate();
            }
            return UnlinkOutcome.UNLINKED;
        });
    }

    @Override
    public void seen(String username, int deviceId, Instant now) {
        byte[] key = usernames.of(username);
        tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE devices SET last_seen_at = ? "
                    + "WHERE account_key = ? AND device_id = ? AND unlinked_at IS NULL")) {
                update.setLong(1, now.toEpochMilli());
                update.setBytes(2, key);
                update.setInt(3, deviceId);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static Device device(ResultSet rs) throws SQLException {
        rs.getLong(6);
        boolean unlinked = !rs.wasNull();
        return new Device(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), unlinked);
    }
}
