package dev.parley.relay.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link BlobStore} in memory, for tests and a relay run without a data directory. */
public final class InMemoryBlobStore implements BlobStore {
    private record Entry(long id, ByteBuffer clientMessageId, byte[] blob, Instant receivedAt, Instant expiresAt) {
    }

    private final Map<String, TreeMap<Long, Entry>> queues = new HashMap<>();
    /** recipient -> client message id -> expiry; outlives acknowledgement, for idempotency. */
    private final Map<String, Map<ByteBuffer, Instant>> seen = new HashMap<>();
    private long nextId = 1;
    private long totalBytes;
    private long totalQueued;

    @Override
    public synchronized StoreResult store(String recipient, byte[] clientMessageId, byte[] blob, Instant receivedAt,
                                          Instant expiresAt, int quota) {
        ByteBuffer key = ByteBuffer.wrap(clientMessageId.clone());
        Map<ByteBuffer, Instant> ids = seen.computeIfAbsent(recipient, r -> new HashMap<>());
        if (ids.containsKey(key)) {
            return StoreResult.DUPLICATE;
        }
        TreeMap<Long, Entry> queue = queues.computeIfAbsent(recipient, r -> new TreeMap<>());
        if (queue.size() >= quota) {
            return StoreResult.QUEUE_FULL;
        }
        long id = nextId++;
        queue.put(id, new Entry(id, key, blob.clone(), receivedAt, expiresAt));
        ids.put(key, expiresAt);
        totalBytes += blob.length;
        totalQueued++;
        return StoreResult.stored(id);
    }

    @Override
    public synchronized boolean isKnown(String recipient, byte[] clientMessageId) {
        Map<ByteBuffer, Instant> ids = seen.get(recipient);
        return ids != null && ids.containsKey(ByteBuffer.wrap(clientMessageId));
    }

    @Override
    public synchronized List<StoredBlob> queued(String recipient, long afterId, int limit) {
        TreeMap<Long, Entry> queue = queues.get(recipient);
        List<StoredBlob> out = new ArrayList<>();
        if (queue == null) {
            return out;
        }
        for (Entry e : queue.tailMap(afterId, false).values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(new StoredBlob(e.id(), e.blob().clone(), e.receivedAt()));
        }
        return out;
    }

    @Override
    public synchronized boolean delete(String recipient, long id) {
        TreeMap<Long, Entry> queue = queues.get(recipient);
        Entry removed = queue == null ? null : queue.remove(id);
        if (removed == null) {
            return false;
        }
        totalBytes -= removed.blob().length;
        totalQueued--;
        return true;
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        int deleted = 0;
        for (TreeMap<Long, Entry> queue : queues.values()) {
            Iterator<Entry> it = queue.values().iterator();
            while (it.hasNext()) {
                Entry e = it.next();
                if (!e.expiresAt().isAfter(now)) {
                    it.remove();
                    totalBytes -= e.blob().length;
                    totalQueued--;
                    deleted++;
                }
            }
        }
        for (Map<ByteBuffer, Instant> ids : seen.values()) {
            ids.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        return deleted;
    }

    @Override
    public synchronized int queuedCount(String recipient) {
        TreeMap<Long, Entry> queue = queues.get(recipient);
        return queue == null ? 0 : queue.size();
    }

    @Override
    public synchronized long totalQueued() {
        return totalQueued;
    }

    @Override
    public synchronized long totalQueuedBytes() {
        return totalBytes;
    }
}
