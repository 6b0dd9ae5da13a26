package dev.parley.relay.store;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AccountStore} on PostgreSQL, safe for several nodes at once: a username is claimed by one INSERT (the
 * primary key decides between nodes), and one-time prekeys are taken with {@code FOR UPDATE SKIP LOCKED}, so two
 * concurrent fetches on any nodes never hand out the same key and never wait for each other.
 */
final class PgAccountStore implements AccountStore {
    private final PgDatabase db;

    private final DeviceStore devices;

    PgAccountStore(PgDatabase db) {
        this.db = db;
        this.devices = new JdbcDeviceStore(new JdbcDeviceStore.Transactions() {
            @Override
            public <T> T run(JdbcDeviceStore.Work<T> work) {
                return db.transaction(work::run);
            }
        }, db.usernames());
    }

    @Override
    public Registration register(Account account, List<OneTimePreKeyPublic> oneTimePreKeys, KemPreKeys kemPreKeys,
                                 String inviteCode, Instant now) {
        byte[] key = db.usernames().of(account.username());
        return db.transaction(c -> {
            SignedPreKeyPublic spk = account.signedPreKey();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (username_key, identity_key, "
                    + "signed_prekey_id, signed_prekey, signed_prekey_signature, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (username_key) DO NOTHING")) {
                insert.setBytes(1, key);
                insert.setBytes(2, account.identityKey());
                insert.setInt(3, spk.id());
                insert.setBytes(4, spk.publicKey());
                insert.setBytes(5, spk.signature());
                insert.setLong(6, now.toEpochMilli());
                if (insert.executeUpdate() != 1) {
                    return Registration.USERNAME_TAKEN;
                }
            }
            if (inviteCode != null) {
                try (PreparedStatement use = c.prepareStatement(
                        "UPDATE invites SET used_at = ? WHERE code = ? AND used_at IS NULL AND revoked = FALSE")) {
                    use.setLong(1, now.toEpochMilli());
                    use.setString(2, inviteCode);
                    if (use.executeUpdate() != 1) {
                        c.rollback();
                        return Registration.INVALID_INVITE;
                    }
                }
            }
            insertOneTime(c, key, oneTimePreKeys);
            addKem(c, key, kemPreKeys);
            return Registration.CREATED;
        });
    }

    @Override
    public Optional<Account> find(String username) {
        byte[] key = db.usernames().of(username);
        return db.transaction(c -> loadAccount(c, key, username));
    }

    @Override
    public Optional<PreKeyBundle> takeBundle(String username, boolean withOneTimePreKeys) {
        byte[] key = db.usernames().of(username);
        return db.transaction(c -> {
            Optional<Account> account = loadAccount(c, key, username);
            Optional<KemPreKeyPublic> lastResort = lastResortKem(c, key);
            if (account.isEmpty() || lastResort.isEmpty()) {
                return Optional.empty();
            }
            Account a = account.get();
            if (!withOneTimePreKeys) {
                return Optional.of(new PreKeyBundle(a.identityKey(), a.signedPreKey(), Optional.empty(), lastResort.get()));
            }
            KemPreKeyPublic kem = lastResort.get();
            try (PreparedStatement take = c.prepareStatement("DELETE FROM kem_prekeys WHERE seq = (SELECT seq FROM "
                    + "kem_prekeys WHERE username_key = ? ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED) "
                    + "RETURNING prekey_id, public_key, signature")) {
                take.setBytes(1, key);
                try (ResultSet rs = take.executeQuery()) {
                    if (rs.next()) {
                        kem = new KemPreKeyPublic(rs.getInt(1), rs.getBytes(2), rs.getBytes(3));
                    }
                }
            }
            Optional<OneTimePreKeyPublic> oneTime = Optional.empty();
            try (PreparedStatement take = c.prepareStatement("DELETE FROM one_time_prekeys WHERE seq = (SELECT seq "
                    + "FROM one_time_prekeys WHERE username_key = ? ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED) "
                    + "RETURNING prekey_id, public_key")) {
                take.setBytes(1, key);
                try (ResultSet rs = take.executeQuery()) {
                    if (rs.next()) {
                        oneTime = Optional.of(new OneTimePreKeyPublic(rs.getInt(1), rs.getBytes(2)));
                    }
                }
            }
            return Optional.of(new PreKeyBundle(a.identityKey(), a.signedPreKey(), oneTime, kem));
        });
    }

    @Override
    public void replacePreKeys(String username, SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys,
                               KemPreKeys kemPreKeys) {
        byte[] key = db.usernames().of(username);
        db.transaction(c -> {
            for (String table : List.of("one_time_prekeys", "kem_prekeys")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE username_key = ?")) {
                    delete.setBytes(1, key);
                    delete.executeUpdate();
                }
            }
            updateSignedPreKey(c, key, signedPreKey);
            insertOneTime(c, key, oneTimePreKeys);
            addKem(c, key, kemPreKeys);
            return null;
        });
    }

    @Override
    public void addPreKeys(String username, SignedPreKeyPublic newSignedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys) {
        byte[] key = db.usernames().of(username);
        db.transaction(c -> {
            if (newSignedPreKey != null) {
                updateSignedPreKey(c, key, newSignedPreKey);
            }
            insertOneTime(c, key, oneTimePreKeys);
            return null;
        });
    }

    private static void updateSignedPreKey(Connection c, byte[] key, SignedPreKeyPublic signedPreKey) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE accounts SET signed_prekey_id = ?, "
                + "signed_prekey = ?, signed_prekey_signature = ? WHERE username_key = ?")) {
            update.setInt(1, signedPreKey.id());
            update.setBytes(2, signedPreKey.publicKey());
            update.setBytes(3, signedPreKey.signature());
            update.setBytes(4, key);
            update.executeUpdate();
        }
    }

    @Override
    public void addKemPreKeys(String username, KemPreKeys kemPreKeys) {
        byte[] key = db.usernames().of(username);
        db.transaction(c -> {
            addKem(c, key, kemPreKeys);
            return null;
        });
    }

    @Override
    public int oneTimeEcPreKeyCount(String username) {
        return count("SELECT COUNT(*) FROM one_time_prekeys WHERE username_key = ?", username);
    }

    @Override
    public int oneTimeKemPreKeyCount(String username) {
        return count("SELECT COUNT(*) FROM kem_prekeys WHERE username_key = ?", username);
    }

    private int count(String sql, String username) {
        byte[] key = db.usernames().of(username);
        return db.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement(sql)) {
                count.setBytes(1, key);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void delete(String username) {
        byte[] key = db.usernames().of(username);
        db.transaction(c -> {
            for (String table : new String[] {"one_time_prekeys", "kem_prekeys", "accounts"}) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE username_key = ?")) {
                    delete.setBytes(1, key);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public DeviceStore devices() {
        return devices;
    }

    @Override
    public long accountCount() {
        return db.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT (SELECT COUNT(*) FROM accounts) "
                    + "- (SELECT COUNT(*) FROM devices WHERE device_id > 1 AND unlinked_at IS NULL)");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void addInvite(String code, Instant createdAt) {
        db.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO invites (code, created_at) VALUES (?, ?) ON CONFLICT (code) DO NOTHING")) {
                insert.setString(1, code);
                insert.setLong(2, createdAt.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Invite> invites() {
        return db.transaction(c -> {
            List<Invite> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT code, created_at, used_at, revoked FROM invites ORDER BY created_at, code");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long used = rs.getLong(3);
                    Optional<Instant> usedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(used));
                    out.add(new Invite(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), usedAt, rs.getBoolean(4)));
                }
            }
            return out;
        });
    }

    @Override
    public boolean revokeInvite(String code) {
        return db.transaction(c -> {
            try (PreparedStatement revoke = c.prepareStatement(
                    "UPDATE invites SET revoked = TRUE WHERE code = ? AND revoked = FALSE")) {
                revoke.setString(1, code);
                return revoke.executeUpdate() == 1;
            }
        });
    }

    private static Optional<Account> loadAccount(Connection c, byte[] key, String username) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT identity_key, signed_prekey_id, signed_prekey, "
                + "signed_prekey_signature FROM accounts WHERE username_key = ?")) {
            select.setBytes(1, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Account(username, rs.getBytes(1),
                        new SignedPreKeyPublic(rs.getInt(2), rs.getBytes(3), rs.getBytes(4))));
            }
        }
    }

    private static Optional<KemPreKeyPublic> lastResortKem(Connection c, byte[] key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_resort_kem_id, last_resort_kem_key, "
                + "last_resort_kem_signature FROM accounts WHERE username_key = ? AND last_resort_kem_key IS NOT NULL")) {
            select.setBytes(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new KemPreKeyPublic(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    private static void addKem(Connection c, byte[] key, KemPreKeys keys) throws SQLException {
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
                + "public_key, signature) VALUES (?, ?, ?, ?) ON CONFLICT (username_key, prekey_id) DO NOTHING")) {
            for (KemPreKeyPublic k : keys.oneTime()) {
                insert.setBytes(1, key);
                insert.setInt(2, k.id());
                insert.setBytes(3, k.publicKey());
                insert.setBytes(4, k.signature());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertOneTime(Connection c, byte[] key, List<OneTimePreKeyPublic> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO one_time_prekeys (username_key, prekey_id, "
                + "public_key) VALUES (?, ?, ?) ON CONFLICT (username_key, prekey_id) DO NOTHING")) {
            for (OneTimePreKeyPublic k : keys) {
                insert.setBytes(1, key);
                insert.setInt(2, k.id());
                insert.setBytes(3, k.publicKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
