package dev.parley.relay.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link BlobStore} on the relay's H2 database. A store checks the idempotency key (recipient, client message id)
 * explicitly, through the in-memory {@link KnownIdFilter} and, only when the filter says "maybe", one indexed read;
 * then it is one INSERT. Any constraint violation of that INSERT is a failure, never taken for a duplicate. An
 * acknowledgement is one UPDATE; queue sizes are kept in memory by the writer thread.
 */
final class H2BlobStore implements BlobStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private final H2Database db;
    private final AtomicLong totalQueued = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    /** Queued count per recipient key; touched only on the writer thread, dropped whenever a transaction fails. */
    private final Map<ByteBuffer, Integer> queueSizes = new HashMap<>();
    /** 2^25 bits (4 MiB): under 1% false "maybe" up to about 2 million remembered ids. */
    private static final int FILTER_LOG2_BITS = 25;
    /** Rebuild the filter at the next expiry sweep once this many ids were added since the last build. */
    private static final long REBUILD_AFTER = 1L << 20;
    /** Every remembered (recipient, client message id); replaced only on the writer thread. */
    private volatile KnownIdFilter known;
    /** Writer thread only. */
    private long addedSinceBuild;

    H2BlobStore(H2Database db) {
        this.db = db;
        db.onRollback(queueSizes::clear);
        db.transaction(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(blob)), 0) FROM blobs WHERE blob IS NOT NULL")) {
                rs.next();
                totalQueued.set(rs.getLong(1));
                totalBytes.set(rs.getLong(2));
            }
            known = buildFilter(c);
            return null;
        });
    }

    @Override
    public StoreResult store(String recipient, byte[] clientMessageId, byte[] blob, Instant receivedAt,
                             Instant expiresAt, int quota) {
        try {
            return storeAsync(recipient, clientMessageId, blob, receivedAt, expiresAt, quota).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof StoreException se ? se : new StoreException("store failed", e.getCause());
        }
    }

    @Override
    public CompletableFuture<StoreResult> storeAsync(String recipient, byte[] clientMessageId, byte[] blob,
                                                     Instant receivedAt, Instant expiresAt, int quota) {
        byte[] key = db.usernames().of(recipient);
        return db.submit(c -> storeOne(c, key, clientMessageId, blob, receivedAt, expiresAt, quota))
                .thenApply(result -> {
                    counted(result, blob);
                    return result;
                });
    }

    /** All in one job of the writer thread, so in one commit: the index pages they touch are written once. */
    @Override
    public CompletableFuture<List<StoreResult>> storeAllAsync(List<NewBlob> blobs, Instant receivedAt,
                                                              Instant expiresAt, int quota) {
        List<byte[]> keys = blobs.stream().map(b -> db.usernames().of(b.recipient())).toList();
        return db.submit(c -> {
            List<StoreResult> results = new ArrayList<>(blobs.size());
            for (int i = 0; i < blobs.size(); i++) {
                NewBlob b = blobs.get(i);
                results.add(storeOne(c, keys.get(i), b.clientMessageId(), b.blob(), receivedAt, expiresAt, quota));
            }
            return results;
        }).thenApply(results -> {
            for (int i = 0; i < results.size(); i++) {
                counted(results.get(i), blobs.get(i).blob());
            }
            return results;
        });
    }

    private void counted(StoreResult result, byte[] blob) {
        if (result.status() == StoreResult.Status.STORED) {
            totalQueued.incrementAndGet();
            totalBytes.addAndGet(blob.length);
        }
    }

    /** Writer thread only: one store, inside the current job. */
    private StoreResult storeOne(Connection c, byte[] key, byte[] clientMessageId, byte[] blob, Instant receivedAt,
                                 Instant expiresAt, int quota) throws SQLException {
        // The writer thread runs stores one at a time, so this check and the insert below are atomic.
        if (known.mightContain(key, clientMessageId) && isKnown(c, key, clientMessageId)) {
            return StoreResult.DUPLICATE;
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
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                // Only reachable if the filter missed an id (it is rebuilt inside a transaction that can roll
                // back): a violation is a duplicate only when this very idempotency key is stored.
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) && isKnown(c, key, clientMessageId)) {
                    return StoreResult.DUPLICATE;
                }
                throw e;
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        queueSizes.put(ByteBuffer.wrap(key), queued + 1);
        known.add(key, clientMessageId);
        addedSinceBuild++;
        return StoreResult.stored(id);
    }

    @Override
    public boolean isKnown(String recipient, byte[] clientMessageId) {
        byte[] key = db.usernames().of(recipient);
        if (!known.mightContain(key, clientMessageId)) {
            return false;
        }
        return db.read(c -> isKnown(c, key, clientMessageId));
    }

    @Override
    public List<StoredBlob> queued(String recipient, long afterId, int limit) {
        byte[] key = db.usernames().of(recipient);
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
        try {
            return deleteAsync(recipient, id).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof StoreException se ? se : new StoreException("delete failed", e.getCause());
        }
    }

    @Override
    public CompletableFuture<Boolean> deleteAsync(String recipient, long id) {
        byte[] key = db.usernames().of(recipient);
        return db.submit(c -> {
            long length;
            try (PreparedStatement clear = c.prepareStatement("SELECT OCTET_LENGTH(blob) FROM OLD TABLE "
                    + "(UPDATE blobs SET blob = NULL WHERE id = ? AND recipient_key = ? AND blob IS NOT NULL)")) {
                clear.setLong(1, id);
                clear.setBytes(2, key);
                try (ResultSet rs = clear.executeQuery()) {
                    if (!rs.next()) {
                        return -1L;
                    }
                    length = rs.getLong(1);
                }
            }
            adjustQueueSize(c, key, -1);
            return length;
        }).thenApply(bytes -> {
            if (bytes < 0) {
                return false;
            }
            totalQueued.decrementAndGet();
            totalBytes.addAndGet(-bytes);
            return true;
        });
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
                        adjustQueueSize(c, key, -n);
                        count += n;
                        bytes += rs.getLong(3);
                    }
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM blobs WHERE expires_at <= ?")) {
                delete.setLong(1, nowMillis);
                delete.executeUpdate();
            }
            if (addedSinceBuild >= REBUILD_AFTER) {
                known = buildFilter(c);
            }
            return new long[] {count, bytes};
        });
        totalQueued.addAndGet(-removed[0]);
        totalBytes.addAndGet(-removed[1]);
        return (int) removed[0];
    }

    @Override
    public int queuedCount(String recipient) {
        byte[] key = db.usernames().of(recipient);
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

    /** Writer-thread only: the recipient's queued count, counted once from the table and then maintained. */
    private int queueSize(Connection c, byte[] key) throws SQLException {
        ByteBuffer k = ByteBuffer.wrap(key);
        Integer known = queueSizes.get(k);
        if (known != null) {
            return known;
        }
        try (PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM blobs WHERE recipient_key = ? AND blob IS NOT NULL")) {
            count.setBytes(1, key);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                int n = rs.getInt(1);
                queueSizes.put(k, n);
                return n;
            }
        }
    }

    private void adjustQueueSize(Connection c, byte[] key, int delta) throws SQLException {
        queueSizes.put(ByteBuffer.wrap(key), Math.max(0, queueSize(c, key) + delta));
    }

    /**
     * Writer thread only (or the constructor): a filter of every remembered id in the table. The rows are streamed
     * ({@code LAZY_QUERY_EXECUTION}): a whole-table result above H2's in-memory limit (40,000 rows per GiB of heap)
     * would otherwise be spilled to a temporary file outside the data directory, and held in memory up to it.
     */
    private KnownIdFilter buildFilter(Connection c) throws SQLException {
        KnownIdFilter filter = new KnownIdFilter(FILTER_LOG2_BITS);
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            try (ResultSet rs = s.executeQuery("SELECT recipient_key, client_message_id FROM blobs")) {
                while (rs.next()) {
                    filter.add(rs.getBytes(1), rs.getBytes(2));
                }
            } finally {
                s.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
        addedSinceBuild = 0;
        return filter;
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
}
