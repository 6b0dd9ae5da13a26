package dev.parley.relay.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stores and acknowledgements of {@link PgBlobStore} as set-based statements over a whole batch (see
 * {@link PgLane}): each request gets exactly the outcome it would get alone, in request order, but the batch costs a
 * fixed number of round trips (lock, check, draw ids, insert, count, notify) and one commit. Queue rows are locked in
 * key order, as the expiry sweep takes them, so two nodes' batches never deadlock.
 */
final class PgBlobBatches {
    private PgBlobBatches() {
    }

    /** One store: the recipient's username key, times in epoch milliseconds. */
    record Store(byte[] key, byte[] clientMessageId, byte[] blob, long receivedAt, long expiresAt, int quota) {
    }

    /** One acknowledgement: blob {@code id} of the recipient with username key {@code key}. */
    record Delete(byte[] key, long id) {
    }

    static final PgLane.BatchWork<Store, StoreResult> STORES = PgBlobBatches::storeAll;
    static final PgLane.BatchWork<Delete, Boolean> DELETES = PgBlobBatches::deleteAll;

    /** A remembered idempotency key: recipient and client message id. */
    private record IdKey(ByteBuffer recipient, ByteBuffer clientMessageId) {
        static IdKey of(byte[] recipient, byte[] clientMessageId) {
            return new IdKey(ByteBuffer.wrap(recipient), ByteBuffer.wrap(clientMessageId));
        }
    }

    /** A queued blob: recipient and id. */
    private record BlobKey(ByteBuffer recipient, long id) {
    }

    private static List<StoreResult> storeAll(Connection c, List<Store> stores) throws SQLException {
        Map<ByteBuffer, Integer> queued = lockQueues(c, stores.stream().map(Store::key).toList());
        Set<IdKey> remembered = remembered(c, stores);
        StoreResult[] results = new StoreResult[stores.size()];
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            Store s = stores.get(i);
            ByteBuffer key = ByteBuffer.wrap(s.key());
            if (remembered.contains(IdKey.of(s.key(), s.clientMessageId()))) {
                results[i] = StoreResult.DUPLICATE;
            } else if (queued.get(key) >= s.quota()) {
                results[i] = StoreResult.QUEUE_FULL;
            } else {
                remembered.add(IdKey.of(s.key(), s.clientMessageId()));
                queued.merge(key, 1, Integer::sum);
                accepted.add(i);
            }
        }
        if (accepted.isEmpty()) {
            return Arrays.asList(results);
        }
        long[] ids = drawIds(c, accepted.size());
        int n = accepted.size();
        Long[] idArray = new Long[n];
        byte[][] keys = new byte[n][];
        byte[][] clientIds = new byte[n][];
        byte[][] blobs = new byte[n][];
        Long[] received = new Long[n];
        Long[] expires = new Long[n];
        Map<ByteBuffer, long[]> added = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            Store s = stores.get(accepted.get(j));
            idArray[j] = ids[j];
            keys[j] = s.key();
            clientIds[j] = s.clientMessageId();
            blobs[j] = s.blob();
            received[j] = s.receivedAt();
            expires[j] = s.expiresAt();
            results[accepted.get(j)] = StoreResult.stored(ids[j]);
            long[] totals = added.computeIfAbsent(ByteBuffer.wrap(s.key()), k -> new long[2]);
            totals[0]++;
            totals[1] += s.blob().length;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO blobs (id, recipient_key, client_message_id, "
                + "blob, received_at, expires_at) OVERRIDING SYSTEM VALUE SELECT * FROM unnest(?::bigint[], ?::bytea[], "
                + "?::bytea[], ?::bytea[], ?::bigint[], ?::bigint[])")) {
            insert.setArray(1, c.createArrayOf("bigint", idArray));
            insert.setArray(2, c.createArrayOf("bytea", keys));
            insert.setArray(3, c.createArrayOf("bytea", clientIds));
            insert.setArray(4, c.createArrayOf("bytea", blobs));
            insert.setArray(5, c.createArrayOf("bigint", received));
            insert.setArray(6, c.createArrayOf("bigint", expires));
            insert.executeUpdate();
        }
        adjustQueues(c, added, 1);
        try (PreparedStatement notify = c.prepareStatement(
                "SELECT pg_notify(?, encode(k, 'hex')) FROM unnest(?::bytea[]) AS t(k)")) {
            notify.setString(1, PgBlobStore.STORED_CHANNEL);
            notify.setArray(2, c.createArrayOf("bytea", added.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new)));
            notify.executeQuery().close();
        }
        return Arrays.asList(results);
    }

    private static List<Boolean> deleteAll(Connection c, List<Delete> deletes) throws SQLException {
        lockQueues(c, deletes.stream().map(Delete::key).toList());
        Map<BlobKey, Long> cleared = new HashMap<>();
        try (PreparedStatement clear = c.prepareStatement("UPDATE blobs b SET blob = NULL FROM (SELECT DISTINCT bl.id, "
                + "bl.recipient_key, octet_length(bl.blob) AS size FROM blobs bl JOIN unnest(?::bytea[], ?::bigint[]) "
                + "AS t(k, i) ON bl.id = t.i AND bl.recipient_key = t.k WHERE bl.blob IS NOT NULL) old "
                + "WHERE b.id = old.id RETURNING old.recipient_key, old.id, old.size")) {
            clear.setArray(1, c.createArrayOf("bytea", deletes.stream().map(Delete::key).toArray(byte[][]::new)));
            clear.setArray(2, c.createArrayOf("bigint", deletes.stream().map(Delete::id).toArray(Long[]::new)));
            try (ResultSet rs = clear.executeQuery()) {
                while (rs.next()) {
                    cleared.put(new BlobKey(ByteBuffer.wrap(rs.getBytes(1)), rs.getLong(2)), rs.getLong(3));
                }
            }
        }
        List<Boolean> results = new ArrayList<>(deletes.size());
        Map<ByteBuffer, long[]> removed = new LinkedHashMap<>();
        for (Delete d : deletes) {
            Long size = cleared.remove(new BlobKey(ByteBuffer.wrap(d.key()), d.id()));
            results.add(size != null);
            if (size != null) {
                long[] totals = removed.computeIfAbsent(ByteBuffer.wrap(d.key()), k -> new long[2]);
                totals[0]++;
                totals[1] += size;
            }
        }
        adjustQueues(c, removed, -1);
        return results;
    }

    /** Locks (creating) the queue rows of these recipients in key order; returns each one's queued count. */
    private static Map<ByteBuffer, Integer> lockQueues(Connection c, List<byte[]> keys) throws SQLException {
        TreeMap<ByteBuffer, Integer> queued = new TreeMap<>(PgBlobBatches::compareUnsigned);
        for (byte[] key : keys) {
            queued.put(ByteBuffer.wrap(key), 0);
        }
        try (PreparedStatement lock = c.prepareStatement("INSERT INTO queues (recipient_key, queued, queued_bytes) "
                + "SELECT k, 0, 0 FROM unnest(?::bytea[]) AS t(k) ORDER BY k ON CONFLICT (recipient_key) "
                + "DO UPDATE SET queued = queues.queued RETURNING recipient_key, queued")) {
            lock.setArray(1, c.createArrayOf("bytea", queued.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new)));
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    queued.put(ByteBuffer.wrap(rs.getBytes(1)), rs.getInt(2));
                }
            }
        }
        return new HashMap<>(queued);
    }

    /** Which of the stores' idempotency keys are already remembered. */
    private static Set<IdKey> remembered(Connection c, List<Store> stores) throws SQLException {
        Set<IdKey> found = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT b.recipient_key, b.client_message_id FROM blobs b "
                + "JOIN unnest(?::bytea[], ?::bytea[]) AS t(k, m) ON b.recipient_key = t.k AND b.client_message_id = t.m")) {
            select.setArray(1, c.createArrayOf("bytea", stores.stream().map(Store::key).toArray(byte[][]::new)));
            select.setArray(2, c.createArrayOf("bytea", stores.stream().map(Store::clientMessageId).toArray(byte[][]::new)));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(IdKey.of(rs.getBytes(1), rs.getBytes(2)));
                }
            }
        }
        return found;
    }

    /** {@code count} new blob ids, ascending; drawn under the queue locks, so each recipient's ids commit in order. */
    private static long[] drawIds(Connection c, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement draw = c.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('blobs', 'id')) FROM generate_series(1, ?)")) {
            draw.setInt(1, count);
            try (ResultSet rs = draw.executeQuery()) {
                for (int i = 0; i < count; i++) {
                    rs.next();
                    ids[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    private static void adjustQueues(Connection c, Map<ByteBuffer, long[]> changes, int sign) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE queues q SET queued = GREATEST(0, q.queued + t.n), "
                + "queued_bytes = GREATEST(0, q.queued_bytes + t.b) FROM unnest(?::bytea[], ?::int[], ?::bigint[]) "
                + "AS t(k, n, b) WHERE q.recipient_key = t.k")) {
            update.setArray(1, c.createArrayOf("bytea", changes.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new)));
            update.setArray(2, c.createArrayOf("int", changes.values().stream().map(v -> (int) (sign * v[0])).toArray(Integer[]::new)));
            update.setArray(3, c.createArrayOf("bigint", changes.values().stream().map(v -> sign * v[1]).toArray(Long[]::new)));
            update.executeUpdate();
        }
    }

    /** PostgreSQL's bytea order: unsigned bytes, then length. */
    private static int compareUnsigned(ByteBuffer a, ByteBuffer b) {
        return Arrays.compareUnsigned(a.array(), b.array());
    }
}
