package dev.parley.relay.store;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The KEM-prekey statements of {@link H2AccountStore}, run inside its transactions (tables from migration V8). */
final class H2KemPreKeys {
    private H2KemPreKeys() {
    }

    static void add(Connection c, byte[] key, KemPreKeys keys) throws SQLException {
        if (keys.lastResort() != null) {
            try (PreparedStatement update = c.prepareStatement("UPDATE accounts SET last_resort_kem_id = ?, "
                    + "last_resort_kem_key = ?, last_resort_kem_signature = ? WHERE username_key = ?")) {
                update.setInt(1, keys.lastResort().id());
                update.setBytes(2, keys.lastResort().publicKey());
                update.setBytes(3, keys.lastResort().signature());
                update.setBytes(4, key);
                update.executeUpdate();
            }
        }
        if (keys.oneTime().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO kem_prekeys (username_key, prekey_id, "
                + "public_key, signature) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM kem_prekeys "
                + "WHERE username_key = ? AND prekey_id = ?)")) {
            for (KemPreKeyPublic k : keys.oneTime()) {
                insert.setBytes(1, key);
                insert.setInt(2, k.id());
                insert.setBytes(3, k.publicKey());
                insert.setBytes(4, k.signature());
                insert.setBytes(5, key);
                insert.setInt(6, k.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<KemPreKeyPublic> lastResort(Connection c, byte[] key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_resort_kem_id, last_resort_kem_key, "
                + "last_resort_kem_signature FROM accounts WHERE username_key = ? AND last_resort_kem_key IS NOT NULL")) {
            select.setBytes(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new KemPreKeyPublic(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    /** Removes and returns the oldest one-time KEM prekey, if any. */
    static Optional<KemPreKeyPublic> takeOneTime(Connection c, byte[] key) throws SQLException {
        try (PreparedStatement first = c.prepareStatement("SELECT seq, prekey_id, public_key, signature FROM kem_prekeys "
                + "WHERE username_key = ? ORDER BY seq LIMIT 1 FOR UPDATE")) {
            first.setBytes(1, key);
            try (ResultSet rs = first.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long seq = rs.getLong(1);
                KemPreKeyPublic taken = new KemPreKeyPublic(rs.getInt(2), rs.getBytes(3), rs.getBytes(4));
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM kem_prekeys WHERE seq = ?")) {
                    delete.setLong(1, seq);
                    delete.executeUpdate();
                }
                return Optional.of(taken);
            }
        }
    }

    static int count(Connection c, byte[] key) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM kem_prekeys WHERE username_key = ?")) {
            count.setBytes(1, key);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
