package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.FlushScope;
import dev.parley.crypto.wire.Push;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.StoredBlob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery to one authenticated connection: drains the user's queue in id order, then sends {@link Push.QueueEmpty};
 * afterwards blobs stored for the user are pushed as they arrive. Each blob is pushed at most once per connection;
 * a blob is deleted only when acknowledged, so whatever was pushed but not acknowledged is delivered again on the
 * next connection.
 *
 * <p>Relies on the {@link BlobStore} making ids visible in increasing order, so a cursor over ids misses nothing.
 */
final class DeviceConnection {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceConnection.class);
    private static final int PAGE = 500;

    /** The queue this connection drains: the device's address ({@link DeviceAddress}). */
    private final String username;
    private final String account;
    private final int deviceId;
    private final FrameSink sink;
    private final BlobStore blobs;
    private final Executor executor;
    private final RelayMetrics metrics;

    private final Set<Long> inFlight = new HashSet<>();
    /** Blobs pushed directly and not yet acknowledged, by direct id; created on first use (idle connections stay small). */
    private Map<Long, PendingDirect> direct;
    private long cursor;
    private boolean draining;
    private boolean drainAgain;
    private boolean queueEmptySent;
    private boolean closed;
    /**
     * Blobs pushed directly on this connection whose store (after the grace period) is running: until each store's
     * id is known, a drain could not tell them from blobs stored by others and would push them a second time under
     * their stored id, so a drain waits ({@link #drainHeld}) until none is running.
     */
    private int ownStoresRunning;
    private boolean drainHeld;

    /**
     * True when other nodes store into the same queues: a blob this node stored may then commit after one stored
     * elsewhere with a smaller id that this connection has not read yet, so every store is read through the cursor
     * (a drain) instead of being pushed past it.
     */
    private final boolean sharedStore;
    /** Subscribed to the store's wake-ups while this connection is the user's ({@link #storedElsewhere()}). */
    private final Runnable wake = this::storedElsewhere;

    DeviceConnection(String username, FrameSink sink, BlobStore blobs, Executor executor, RelayMetrics metrics) {
        this(username, sink, blobs, executor, metrics, false);
    }

    DeviceConnection(String username, FrameSink sink, BlobStore blobs, Executor executor, RelayMetrics metrics,
                     boolean sharedStore) {
        this(username, 1, sink, blobs, executor, metrics, sharedStore);
    }

    /** A connection of device {@code deviceId} of {@code account}, draining that device's queue. */
    DeviceConnection(String account, int deviceId, FrameSink sink, BlobStore blobs, Executor executor,
                     RelayMetrics metrics, boolean sharedStore) {
        this.account = account;
        this.deviceId = deviceId;
        this.username = DeviceAddress.of(account, deviceId);
        this.sink = sink;
        this.blobs = blobs;
        this.executor = executor;
        this.metrics = metrics;
        this.sharedStore = sharedStore;
    }

    /** The callback to subscribe to a shared store's wake-ups. */
    Runnable wake() {
        return wake;
    }

    /**
     * A blob was stored for this user, possibly by another node: reads the queue from the cursor (now, or right after
     * the drain that is running).
     */
    synchronized void storedElsewhere() {
        if (closed) {
            return;
        }
        if (draining || !queueEmptySent) {
            // the running (or first, not yet started) drain reads it
            drainAgain = true;
            return;
        }
        draining = true;
        executor.execute(this::drain);
    }

    /** The device's address: its queue, prekeys and registry entry (the username itself for device 1). */
    String username() {
        return username;
    }

    /** The account (username) this device belongs to. */
    String account() {
        return account;
    }

    int deviceId() {
        return deviceId;
    }

    /** Starts draining the queue on the delivery executor. */
    synchronized void start() {
        draining = true;
        executor.execute(this::drain);
    }

    /** A blob was stored for this user (called after it is committed). */
    synchronized void blobStored(StoredBlob blob) {
        if (closed) {
            return;
        }
        if (sharedStore) {
            storedElsewhere();
            return;
        }
        if (draining || !queueEmptySent) {
            drainAgain = true;
            return;
        }
        push(blob);
        cursor = Math.max(cursor, blob.id());
    }

    /**
     * A blob pushed directly on this open connection is being stored (its grace period ran out). Caller holds this
     * monitor; {@link #ownStoreEnded} must follow.
     */
    void ownStoreStarted() {
        ownStoresRunning++;
    }

    /**
     * The store begun by {@link #ownStoreStarted} ended. Caller holds this monitor.
     *
     * @param storedId the id it was stored under, or 0 when nothing was stored: a drain never pushes that id here,
     *                 since this connection already has the blob under its direct id
     */
    void ownStoreEnded(long storedId) {
        if (storedId > 0) {
            inFlight.add(storedId);
        }
        ownStoresRunning--;
        if (ownStoresRunning == 0 && drainHeld && !closed) {
            drainHeld = false;
            executor.execute(this::drain);
        }
    }

    /** The client acknowledged a blob; it is no longer in flight here. */
    synchronized void acknowledged(long id) {
        inFlight.remove(id);
    }

    /**
     * Pushes a blob directly (see {@link DirectDelivery}) when the queue has been drained, no drain is running and
     * fewer than {@code window} direct blobs await acknowledgement.
     *
     * @return the pending entry, or null when the blob must be stored instead
     */
    synchronized PendingDirect pushDirect(long directId, byte[] clientMessageId, byte[] blob, Instant receivedAt,
                                          SendReply reply, int window) {
        if (closed || draining || !queueEmptySent || (direct != null && direct.size() >= window)) {
            return null;
        }
        if (direct == null) {
            // Insertion order = push order: a recipient that leaves has these stored, and later redelivered, in it.
            direct = new LinkedHashMap<>();
        }
        PendingDirect pending = new PendingDirect(directId, this, clientMessageId, blob, receivedAt, reply);
        direct.put(directId, pending);
        sink.send(Envelope.push(new Push.Deliver(directId, receivedAt.toEpochMilli(), blob)));
        metrics.delivered();
        return pending;
    }

    /** Caller holds this monitor. */
    PendingDirect direct(long directId) {
        return direct == null ? null : direct.get(directId);
    }

    /** Caller holds this monitor. */
    void removeDirect(long directId) {
        if (direct != null) {
            direct.remove(directId);
        }
    }

    /** Caller holds this monitor. */
    java.util.Collection<PendingDirect> directEntries() {
        return direct == null ? List.of() : direct.values();
    }

    /** Caller holds this monitor. */
    boolean isClosed() {
        return closed;
    }

    /** Marks the connection closed. @return the directly pushed blobs still waiting, which must now be stored */
    synchronized List<PendingDirect> close() {
        closed = true;
        List<PendingDirect> waiting = new ArrayList<>();
        if (direct != null) {
            for (PendingDirect pending : direct.values()) {
                if (pending.state == PendingDirect.State.PENDING) {
                    waiting.add(pending);
                }
            }
        }
        return waiting;
    }

    private void drain() {
        try {
            while (true) {
                long from;
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    drainAgain = false;
                    from = cursor;
                }
                List<StoredBlob> page = blobs.queued(username, from, PAGE);
                boolean[] more = new boolean[1];
                // One page leaves coalesced (FlushScope), written after the monitor is released.
                FlushScope.run(() -> more[0] = pushPage(page));
                if (!more[0]) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Draining a queue failed; closing the connection so the client reconnects", e);
            sink.close(1011, "delivery failed");
        }
    }

    /** @return true to read the next page, false when the drain is over (queue empty, or the connection closed) */
    private synchronized boolean pushPage(List<StoredBlob> page) {
        if (closed) {
            return false;
        }
        if (ownStoresRunning > 0) {
            // The page may hold a blob this connection has under its direct id: read it again from the same cursor
            // once those stores are done (ownStoreEnded). Still draining, so nothing is pushed directly meanwhile.
            drainHeld = true;
            return false;
        }
        for (StoredBlob blob : page) {
            push(blob);
            cursor = Math.max(cursor, blob.id());
        }
        if (page.size() == PAGE || drainAgain) {
            return true;
        }
        if (!queueEmptySent) {
            queueEmptySent = true;
            sink.send(Envelope.push(new Push.QueueEmpty()));
        }
        draining = false;
        return false;
    }

    private void push(StoredBlob blob) {
        if (inFlight.add(blob.id())) {
            sink.send(Envelope.push(new Push.Deliver(blob.id(), blob.receivedAt().toEpochMilli(), blob.blob())));
            metrics.delivered();
        }
    }
}
