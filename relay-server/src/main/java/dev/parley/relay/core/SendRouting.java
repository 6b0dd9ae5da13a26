package dev.parley.relay.core;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.BlobStore;
import dev.parley.relay.store.StoreResult;
import dev.parley.relay.store.StoredBlob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where one accepted blob for one recipient goes, shared by {@code send} and every recipient of {@code send_multi}:
 * pushed straight to an online, drained recipient on this node (answered once it acknowledges, or once stored after
 * the grace period), forwarded to the node serving the recipient, or stored asynchronously (group commit) and
 * answered once durable. The reply is called exactly once.
 */
final class SendRouting {
    /** What a stored blob costs beyond its bytes (row, ids, index entries), charged to the sender's storage limit. */
    static final int STORED_ROW_OVERHEAD_BYTES = 128;

    private final RelayConfig config;
    private final BlobStore blobs;
    private final RateLimiter limiter;
    private final ConnectionRegistry registry;
    private final StoresInFlight storesInFlight;
    private final DirectDelivery direct;
    private final RemoteRouting remote;
    private final RelayMetrics metrics;

    SendRouting(RelayConfig config, BlobStore blobs, RateLimiter limiter, ConnectionRegistry registry,
                StoresInFlight storesInFlight, DirectDelivery direct, RemoteRouting remote, RelayMetrics metrics) {
        this.config = config;
        this.blobs = blobs;
        this.limiter = limiter;
        this.registry = registry;
        this.storesInFlight = storesInFlight;
        this.direct = direct;
        this.remote = remote;
        this.metrics = metrics;
    }

    /**
     * Routes the blob; the recipient must exist and the send rate limits must already be passed.
     *
     * @throws RateLimitExceededException when the blob has to be stored and the sender's storage allowance
     *                                    ({@link RateLimit#STORED_BYTES_PER_ACCOUNT}) is spent; nothing was done
     */
    void route(String sender, String to, byte[] clientMessageId, byte[] blob, Instant now, SendReply reply)
            throws RateLimitExceededException {
        route(sender, to, clientMessageId, blob, now, reply, null);
    }

    /**
     * {@link #route(String, String, byte[], byte[], Instant, SendReply)}, except that a blob that has to be stored
     * joins {@code batch} (when not null), for {@link #storeAll} to store with the others in one go.
     */
    void route(String sender, String to, byte[] clientMessageId, byte[] blob, Instant now, SendReply reply,
               StoreBatch batch) throws RateLimitExceededException {
        if (direct.enabled() && storesInFlight.none(to)) {
            ClientConnection recipient = registry.find(to);
            DeviceConnection device = recipient == null ? null : recipient.device();
            if (device != null && !blobs.isKnown(to, clientMessageId)
                    && direct.tryDeliver(device, clientMessageId, blob, now, reply)) {
                return;
            }
            if (recipient == null && remote.busUp() && !blobs.isKnown(to, clientMessageId)
                    && remote.forward(to, clientMessageId, blob, now, reply,
                            () -> store(to, clientMessageId, blob, now, reply))) {
                return;
            }
        }
        limiter.check(RateLimit.STORED_BYTES_PER_ACCOUNT, sender, (long) blob.length + STORED_ROW_OVERHEAD_BYTES);
        if (batch == null) {
            store(to, clientMessageId, blob, now, reply);
        } else {
            // From now on no direct delivery to this recipient may overtake the blob.
            storesInFlight.begin(to);
            batch.blobs.add(new BlobStore.NewBlob(to, clientMessageId, blob));
            batch.replies.add(reply);
        }
    }

    /** Blobs of one multi-recipient send that go to the store, stored together by {@link #storeAll}. */
    static final class StoreBatch {
        private final List<BlobStore.NewBlob> blobs = new ArrayList<>();
        private final List<SendReply> replies = new ArrayList<>();
    }

    /** Stores the batch (one transaction on H2) and answers each blob's reply once the batch is durable. */
    void storeAll(StoreBatch batch, Instant now) {
        if (batch.blobs.isEmpty()) {
            return;
        }
        CompletableFuture<List<StoreResult>> stored;
        try {
            stored = blobs.storeAllAsync(batch.blobs, now, now.plus(config.messageTtl()), config.queueQuota());
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        stored.whenComplete((results, error) -> {
            for (int i = 0; i < batch.blobs.size(); i++) {
                BlobStore.NewBlob b = batch.blobs.get(i);
                try {
                    storeCompleted(b.recipient(), b.blob(), now, batch.replies.get(i),
                            error == null ? results.get(i) : null, error);
                } finally {
                    storesInFlight.end(b.recipient());
                }
            }
        });
    }

    /** Stores the blob asynchronously (group commit) and answers once it is durable. */
    private void store(String to, byte[] clientMessageId, byte[] blob, Instant now, SendReply reply) {
        storesInFlight.begin(to);
        CompletableFuture<StoreResult> stored;
        try {
            stored = blobs.storeAsync(to, clientMessageId, blob, now, now.plus(config.messageTtl()), config.queueQuota());
        } catch (RuntimeException e) {
            storesInFlight.end(to);
            reply.failed(e);
            return;
        }
        stored.whenComplete((result, error) -> {
            try {
                storeCompleted(to, blob, now, reply, result, error);
            } finally {
                storesInFlight.end(to);
            }
        });
    }

    private void storeCompleted(String to, byte[] blob, Instant now, SendReply reply, StoreResult result, Throwable error) {
        if (error != null) {
            reply.failed(error);
            return;
        }
        switch (result.status()) {
            case DUPLICATE:
                reply.accepted(true);
                break;
            case QUEUE_FULL:
                reply.queueFull();
                break;
            default:
                metrics.routed();
                metrics.stored();
                reply.accepted(false);
                ClientConnection recipient = registry.find(to);
                DeviceConnection device = recipient == null ? null : recipient.device();
                if (device != null) {
                    device.blobStored(new StoredBlob(result.id(), blob, now));
                }
        }
    }
}
