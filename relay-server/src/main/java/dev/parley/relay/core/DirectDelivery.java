package dev.parley.relay.core;

import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.StoreResult;
import dev.parley.relay.store.StoredBlob;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliver first, store only if needed. A blob for an online recipient whose queue is drained (and that no store is
 * still overtaking) is pushed at once under a direct id, without touching the store; its sender is answered
 * {@code send_accepted} only when the recipient acknowledges it. If no acknowledgement arrives within the grace
 * period, or the recipient's connection closes first, the blob is stored durably and the sender answered after the
 * commit. So a sender is only ever told "accepted" once the blob is delivered-and-acknowledged or durable; a relay
 * that stops in between leaves the sender unanswered, and it resends from its outbox with the same client message id.
 *
 * <p>Direct ids start at {@link #FIRST_DIRECT_ID}, far above any store id, so the two never collide. An
 * acknowledgement of a direct id whose blob was meanwhile stored deletes the stored blob. Grace periods are checked
 * by one periodic task every tenth of the grace (5 to 100 ms), so a blob is stored at most that much after its
 * grace ends.
 */
final class DirectDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(DirectDelivery.class);
    /** Direct ids are {@code 2^62} and up; store ids stay far below. */
    static final long FIRST_DIRECT_ID = 1L << 62;

    private final BlobStore blobs;
    private final ConnectionRegistry registry;
    private final StoresInFlight storesInFlight;
    private final RelayMetrics metrics;
    private final long graceNanos;
    private final int window;
    private final Duration messageTtl;
    private final int queueQuota;
    private final AtomicLong nextId = new AtomicLong(FIRST_DIRECT_ID);
    private final Queue<PendingDirect> graceQueue = new ConcurrentLinkedQueue<>();

    DirectDelivery(BlobStore blobs, ConnectionRegistry registry, StoresInFlight storesInFlight, RelayMetrics metrics,
                   ScheduledExecutorService timers, Duration grace, int window, Duration messageTtl, int queueQuota) {
        this.blobs = blobs;
        this.registry = registry;
        this.storesInFlight = storesInFlight;
        this.metrics = metrics;
        this.graceNanos = grace.toNanos();
        this.window = window;
        this.messageTtl = messageTtl;
        this.queueQuota = queueQuota;
        if (enabled()) {
            long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(graceNanos / 10, TimeUnit.MILLISECONDS.toNanos(100)));
            timers.scheduleWithFixedDelay(this::expireGrace, period, period, TimeUnit.NANOSECONDS);
        }
    }

    boolean enabled() {
        return graceNanos > 0;
    }

    /**
     * Pushes the blob straight to the recipient if its queue is drained and its window has room.
     *
     * @return true when pushed (the reply follows the acknowledgement or the store); false when it must be stored
     */
    boolean tryDeliver(DeviceConnection device, byte[] clientMessageId, byte[] blob, java.time.Instant receivedAt,
                       SendReply reply) {
        PendingDirect pending = device.pushDirect(nextId.getAndIncrement(), clientMessageId, blob, receivedAt, reply,
                window);
        if (pending == null) {
            return false;
        }
        pending.graceDeadline = System.nanoTime() + graceNanos;
        graceQueue.add(pending);
        return true;
    }

    /**
     * Stores every pushed blob whose grace period is over and that is still unanswered. One periodic task instead of
     * a timer per blob: the grace is the same for all, so deadlines fall due in push order and the queue is FIFO.
     */
    private void expireGrace() {
        long now = System.nanoTime();
        PendingDirect head;
        while ((head = graceQueue.peek()) != null && head.graceDeadline - now <= 0) {
            graceQueue.poll();
            try {
                store(head);
            } catch (RuntimeException e) {
                LOG.error("Storing a blob after its grace period failed", e);
            }
        }
    }

    /**
     * Handles an acknowledgement of a direct id.
     *
     * @return false when the id is not a direct id (the caller acknowledges a stored blob)
     */
    boolean acknowledge(DeviceConnection device, long messageId, AckReply reply) {
        if (messageId < FIRST_DIRECT_ID) {
            return false;
        }
        PendingDirect pending;
        PendingDirect.State state;
        synchronized (device) {
            pending = device.direct(messageId);
            if (pending == null) {
                state = null;
            } else {
                state = pending.state;
                if (state == PendingDirect.State.STORING) {
                    pending.ackWhileStoring = reply;
                } else {
                    device.removeDirect(messageId);
                    if (state == PendingDirect.State.PENDING) {
                        pending.blob = null;
                    }
                }
            }
        }
        if (state == null) {
            reply.unknown();
        } else if (state == PendingDirect.State.PENDING) {
            metrics.routed();
            metrics.direct();
            metrics.acknowledged();
            pending.reply.accepted(false);
            reply.ok();
        } else if (state == PendingDirect.State.STORED) {
            deleteStored(device, pending.storedId, reply);
        }
        return true;
    }

    /**
     * The recipient's connection closed (or was displaced): stores every blob still waiting at once, and holds back
     * direct delivery to the recipient's next connection until those and any store already running are pushed to it.
     * Idempotent.
     */
    void connectionClosed(DeviceConnection device) {
        List<PendingDirect> waiting;
        synchronized (device) {
            waiting = device.close();
            for (PendingDirect pending : device.directEntries()) {
                if (pending.state == PendingDirect.State.STORING && !pending.blocking) {
                    pending.blocking = true;
                    storesInFlight.begin(device.username());
                }
            }
        }
        waiting.forEach(this::store);
    }

    /**
     * Stores a pending blob now (grace period over, or its recipient left); no-op if it was answered meanwhile.
     * A store for a connection that is still open does not hold back direct delivery: the blob was already pushed
     * on it, so nothing newer can overtake it there.
     */
    void store(PendingDirect pending) {
        DeviceConnection device = pending.device;
        String recipient = device.username();
        synchronized (device) {
            if (pending.state != PendingDirect.State.PENDING || device.direct(pending.directId) != pending) {
                return;
            }
            pending.state = PendingDirect.State.STORING;
            if (device.isClosed()) {
                // The next connection must not get newer blobs directly before this one is stored and pushed to it.
                pending.blocking = true;
                storesInFlight.begin(recipient);
            } else {
                // The connection has the blob already: a drain must not push it again under its stored id.
                pending.holdsDrain = true;
                device.ownStoreStarted();
            }
        }
        CompletableFuture<StoreResult> stored;
        try {
            stored = blobs.storeAsync(recipient, pending.clientMessageId, pending.blob, pending.receivedAt,
                    pending.receivedAt.plus(messageTtl), queueQuota);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        stored.whenComplete((result, error) -> {
            try {
                stored(pending, result, error);
            } finally {
                boolean blocking;
                synchronized (device) {
                    blocking = pending.blocking;
                    pending.blocking = false;
                }
                if (blocking) {
                    storesInFlight.end(recipient);
                }
            }
        });
    }

    private void stored(PendingDirect pending, StoreResult result, Throwable error) {
        DeviceConnection device = pending.device;
        String recipient = device.username();
        boolean isStored = error == null && result.status() == StoreResult.Status.STORED;
        AckReply ack;
        synchronized (device) {
            ack = pending.ackWhileStoring;
            pending.ackWhileStoring = null;
            if (isStored && ack == null && !device.isClosed()) {
                pending.state = PendingDirect.State.STORED;
                pending.storedId = result.id();
            } else {
                device.removeDirect(pending.directId);
            }
            if (pending.holdsDrain) {
                pending.holdsDrain = false;
                device.ownStoreEnded(isStored ? result.id() : 0);
            }
        }
        if (isStored) {
            metrics.stored();
            metrics.storedAfterGrace();
        }
        if (ack != null) {
            // Acknowledged while the store ran: delivered, whatever the store's outcome.
            metrics.routed();
            pending.reply.accepted(error == null && result.status() == StoreResult.Status.DUPLICATE);
            if (isStored) {
                deleteStored(device, result.id(), ack);
            } else {
                metrics.acknowledged();
                ack.ok();
            }
            return;
        }
        if (error != null) {
            pending.reply.failed(error);
            return;
        }
        switch (result.status()) {
            case STORED:
                metrics.routed();
                pending.reply.accepted(false);
                ClientConnection current = registry.find(recipient);
                DeviceConnection now = current == null ? null : current.device();
                if (now != null && now != device) {
                    now.blobStored(new StoredBlob(result.id(), pending.blob, pending.receivedAt));
                }
                break;
            case DUPLICATE:
                pending.reply.accepted(true);
                break;
            default:
                pending.reply.queueFull();
        }
    }

    /** Deletes the stored copy of a blob acknowledged under its direct id. */
    private void deleteStored(DeviceConnection device, long storedId, AckReply reply) {
        blobs.deleteAsync(device.username(), storedId).whenComplete((found, error) -> {
            if (error != null) {
                reply.failed(error);
                return;
            }
            // Gone from the queue: no drain can read it any more, so the connection need not remember it.
            device.acknowledged(storedId);
            if (found) {
                metrics.acknowledged();
            }
            reply.ok();
        });
    }
}
