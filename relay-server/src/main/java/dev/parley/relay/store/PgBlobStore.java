package dev.parley.relay.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link BlobStore} on PostgreSQL, correct with any number of nodes. Every store, acknowledgement and expiry of one
 * recipient first locks that recipient's {@code queues} row, which carries its queued count and bytes: so the quota
 * holds cluster-wide, a client message id is checked and inserted atomically (idempotent sends across nodes), and a
 * recipient's ids become visible in increasing order (each id is drawn and committed under the lock). A store also
 * sends a {@code NOTIFY} on {@value #STORED_CHANNEL} with the recipient's key, which {@link PgQueueWakeups} turns into
 * a drain on whichever node serves the recipient. Locks are always taken queue row first, then blob rows, so the
 * nodes never deadlock one another; the expiry sweep runs on one node at a time (an advisory lock). Stores and
 * acknowledgements waiting on one lane are group-committed, set-based ({@link PgBlobBatches}).
 */
final class PgBlobStore implements BlobStore {
    /** The NOTIFY channel: payload is the hex of the recipient's username key (never the username). */
    static final String STORED_CHANNEL = "parley_stored";
    /** Advisory lock id of the expiry sweep ("parley" in ASCII). */
    static final long SWEEP_LOCK = 0x7061726c6579L;

    private final PgDatabase db;

    PgBlobStore(PgDatabase db) {
        this.db = db;
    }

    @Override
    public StoreResult store(String recipient, byte[] clientMessageId, byte[] blob, Instant receivedAt,
                             Instant expiresAt, int quota) {
        return join(storeAsync(recipient, clientMessageId, blob, receivedAt, expiresAt, quota));
    }

    @Override
    public CompletableFuture<StoreResult> storeAsync(String recipient, byte[] clientMessageId, byte[] blob,
                                                     Instant receivedAt, Instant expiresAt, int quota) {
        byte[] key = db.usernames().of(recipient);
        return db.submit(key, PgBlobBatches.STORES, new PgBlobBatches.Store(key, clientMessageId, blob,
                receivedAt.toEpochMilli(), expiresAt.toEpochMilli(), quota));
    }

    @Override
    public boolean isKnown(String recipient, byte[] clientMessageId) {
        byte[] key = db.usernames().of(recipient);
        return db.read(c -> isKnown(c, key, clientMessageId));
    }

    @Override
    public List<StoredBlob> queued(String recipient, long afterId, int limit) {
        byte[] key = db.usernames().of(recipient);
        return db.read(c -> {
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
        return join(deleteAsync(recipient, id));
    }

    @Override
    public CompletableFuture<Boolean> deleteAsync(String recipient, long id) {
        byte[] key = db.usernames().of(recipient);
        return db.submit(key, PgBlobBatches.DELETES, new PgBlobBatches.Delete(key, id));
    }

    /**
     * Deletes what expired, on one node at a time: a node that finds the sweep lock taken returns 0 at once (the
     * other node is doing the work).
     */
    @Override
    public int deleteExpired(Instant now) {
        long nowMillis = now.toEpochMilli();
        return db.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, SWEEP_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            // Queue rows first, in one order, as every other writer takes them.
            try (PreparedStatement lockQueues = c.prepareStatement("SELECT recipient_key FROM queues q WHERE EXISTS "
                    + "(SELECT 1 FROM blobs b WHERE b.recipient_key = q.recipient_key AND b.expires_at <= ? "
                    + "AND b.blob IS NOT NULL) ORDER BY recipient_key FOR UPDATE")) {
                lockQueues.setLong(1, nowMillis);
                lockQueues.executeQuery().close();
            }
            Map<ByteBuffer, long[]> removed = new TreeMap<>();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM blobs WHERE expires_at <= ? "
                    + "RETURNING recipient_key, octet_length(blob)")) {
                delete.setLong(1, nowMillis);
                try (ResultSet rs = delete.executeQuery()) {
                    while (rs.next()) {
                        byte[] key = rs.getBytes(1);
                        long size = rs.getLong(2);
                        if (!rs.wasNull()) {
                            long[] totals = removed.computeIfAbsent(ByteBuffer.wrap(key), k -> new long[2]);
                            totals[0]++;
                            totals[1] += size;
                        }
                    }
                }
            }
            int count = 0;
            for (Map.Entry<ByteBuffer, long[]> entry : removed.entrySet()) {
                adjustQueue(c, entry.getKey().array(), (int) -entry.getValue()[0], -entry.getValue()[1]);
                count += (int) entry.getValue()[0];
            }
            return count;
        });
    }

    @Override
    public int queuedCount(String recipient) {
        byte[] key = db.usernames().of(recipient);
        return db.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT queued FROM queues WHERE recipient_key = ?")) {
                select.setBytes(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public long totalQueued() {
        return total("SELECT COALESCE(SUM(queued), 0) FROM queues");
    }

    @Override
    public long totalQueuedBytes() {
        return total("SELECT COALESCE(SUM(queued_bytes), 0) FROM queues");
    }

    private long total(String sql) {
        return db.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void adjustQueue(Connection c, byte[] key, int count, long bytes) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE queues SET queued = GREATEST(0, queued + ?), "
                + "queued_bytes = GREATEST(0, queued_bytes + ?) WHERE recipient_key = ?")) {
            update.setInt(1, count);
            update.setLong(2, bytes);
            update.setBytes(3, key);
            update.executeUpdate();
        }
    }

    private static boolean isKnown(Connection c, byte[] key, byte[] clientMessageId) throws SQLException {
        try (PreparedStatement dup = c.prepareStatement(
                "SELECT 1 FROM blobs WHERE recipient_key = ? AND client_message_id = ?")) {
            dup.setBytes(1, key);
            dup.setBytes(2, clientMessageId);
            try (ResultSet rs = dup.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreException se ? se : new StoreException("relay database operation failed", e.getCause());
        }
    }
}
