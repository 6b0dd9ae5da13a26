package dev.parley.relay.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@link BlobStore} on the relay's H2 database. Queue sizes live in {@code queue_sizes}, kept in the same transaction. */
final class H2BlobStore implements BlobStore {
    private final H2Database db;
    private final AtomicLong totalQueued = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();

    H2BlobStore(H2Database db) {
        this.db = db;
        db.transaction(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(blob)), 0) FROM blobs WHERE blob IS NOT NULL")) {
                rs.next();
                totalQueued.set(rs.getLong(1));
                totalBytes.set(rs.getLong(2));
            }
            return null;
        });
    }

    @Override
    public StoreResult store(String recipient, byte[] clientMessageId, byte[] blob, Instant receivedAt,
                             Instant expiresAt, int quota) {
        byte[] key = UsernameKey.of(recipient);
        StoreResult result = db.transaction(c -> {
            try (PreparedStatement dup = c.prepareStatement(
                    "SELECT 1 FROM blobs WHERE recipient_key = ? AND client_message_id = ?")) {
                dup.setBytes(1, key);
                dup.setBytes(2, clientMessageId);
                try (ResultSet rs = dup.executeQuery()) {
                    if (rs.next()) {
                        return StoreResult.DUPLICATE;
                    }
                }
            }
            int queued = queueSize(c, key);
            if (queued >= quota) {
                return StoreResult.QUEUE_FULL;
            }
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO blobs (recipient_key, client_message_id, "
                    + "blob, received_at, expires_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setBytes(1, key);
                insert.setBytes(2, clientMessageId);
                insert.setBytes(3, blob);
                insert.setLong(4, receivedAt.toEpochMilli());
                insert.setLong(5, expiresAt.toEpochMilli());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            adjustQueueSize(c, key, queued, 1);
            return StoreResult.stored(id);
        });
        if (result.status() == StoreResult.Status.STORED) {
            totalQueued.incrementAndGet();
            totalBytes.addAndGet(blob.length);
        }
        return result;
    }

    @Override
    public List<StoredBlob> queued(String recipient, long afterId, int limit) {
        byte[] key = UsernameKey.of(recipient);
        return db.transaction(c -> {
            List<StoredBlob> out = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, blob, received_at FROM blobs WHERE "
                    + "recipient_key = ? AND id > ? AND blob IS NOT NULL ORDER BY id LIMIT ?")) {
                select.setBytes(1, key);
                select.setLong(2, afterId);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredBlob(rs.getLong(1), rs.getBytes(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean delete(String recipient, long id) {
        byte[] key = UsernameKey.of(recipient);
        long bytes = db.transaction(c -> {
            long length;
            try (PreparedStatement select = c.prepareStatement("SELECT OCTET_LENGTH(blob) FROM blobs WHERE id = ? "
                    + "AND recipient_key = ? AND blob IS NOT NULL FOR UPDATE")) {
                select.setLong(1, id);
                select.setBytes(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return -1L;
                    }
                    length = rs.getLong(1);
                }
            }
            try (PreparedStatement clear = c.prepareStatement("UPDATE blobs SET blob = NULL WHERE id = ?")) {
                clear.setLong(1, id);
                clear.executeUpdate();
            }
            adjustQueueSize(c, key, queueSize(c, key), -1);
            return length;
        });
        if (bytes < 0) {
            return false;
        }
        totalQueued.decrementAndGet();
        totalBytes.addAndGet(-bytes);
        return true;
    }

    @Override
    public int deleteExpired(Instant now) {
        long nowMillis = now.toEpochMilli();
        long[] removed = db.transaction(c -> {
            long count = 0;
            long bytes = 0;
            try (PreparedStatement select = c.prepareStatement("SELECT recipient_key, COUNT(*), SUM(OCTET_LENGTH(blob)) "
                    + "FROM blobs WHERE expires_at <= ? AND blob IS NOT NULL GROUP BY recipient_key")) {
                select.setLong(1, nowMillis);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        byte[] key = rs.getBytes(1);
                        int n = rs.getInt(2);
                        adjustQueueSize(c, key, queueSize(c, key), -n);
                        count += n;
                        bytes += rs.getLong(3);
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM blobs WHERE expires_at <= ?")) {
                delete.setLong(1, nowMillis);
                delete.executeUpdate();
            }
            return new long[] {count, bytes};
        });
        totalQueued.addAndGet(-removed[0]);
        totalBytes.addAndGet(-removed[1]);
        return (int) removed[0];
    }

    @Override
    public int queuedCount(String recipient) {
        byte[] key = UsernameKey.of(recipient);
        return db.transaction(c -> queueSize(c, key));
    }

    @Override
    public long totalQueued() {
        return totalQueued.get();
    }

    @Override
    public long totalQueuedBytes() {
        return totalBytes.get();
    }

    private static int queueSize(Connection c, byte[] key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT queued FROM queue_sizes WHERE recipient_key = ?")) {
            select.setBytes(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void adjustQueueSize(Connection c, byte[] key, int current, int delta) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO queue_sizes (recipient_key, queued) KEY (recipient_key) VALUES (?, ?)")) {
            merge.setBytes(1, key);
            merge.setInt(2, Math.max(0, current + delta));
            merge.executeUpdate();
        }
    }
}
