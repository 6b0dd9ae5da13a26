package dev.parley.relay.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Queues of sealed blobs per recipient. Thread-safe; every method is atomic. Never stores who sent a blob.
 *
 * <p>Idempotency: a (recipient, client message id) pair is remembered until the blob's expiry, even after it was
 * acknowledged (only the blob bytes are deleted at acknowledgement), so a retried send is never stored twice.
 *
 * <p>Ids become visible in increasing order (a blob is never visible before every blob with a smaller id), so a
 * reader can page through a queue with an id cursor and miss nothing.
 */
public interface BlobStore {

    /** Stores a blob unless it is a duplicate or the recipient already has {@code quota} blobs queued. */
    StoreResult store(String recipient, byte[] clientMessageId, byte[] blob, Instant receivedAt, Instant expiresAt,
                      int quota);

    /**
     * {@link #store} without blocking the caller: the future completes once the outcome is durable. Futures of
     * one thread's calls complete in call order.
     */
    default CompletableFuture<StoreResult> storeAsync(String recipient, byte[] clientMessageId, byte[] blob,
                                                      Instant receivedAt, Instant expiresAt, int quota) {
        try {
            return CompletableFuture.completedFuture(store(recipient, clientMessageId, blob, receivedAt, expiresAt, quota));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One blob of {@link #storeAllAsync}. */
    record NewBlob(String recipient, byte[] clientMessageId, byte[] blob) {
    }

    /**
     * Stores several blobs for different recipients (a multi-recipient send), each exactly as {@link #store} would
     * (its own duplicate and quota check), and completes once every outcome is durable, with the outcomes in order;
     * fails as a whole if the store fails. By default one {@link #storeAsync} each; a store may commit them together.
     */
    default CompletableFuture<List<StoreResult>> storeAllAsync(List<NewBlob> blobs, Instant receivedAt,
                                                               Instant expiresAt, int quota) {
        List<CompletableFuture<StoreResult>> futures = new java.util.ArrayList<>(blobs.size());
        for (NewBlob b : blobs) {
            futures.add(storeAsync(b.recipient(), b.clientMessageId(), b.blob(), receivedAt, expiresAt, quota));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    /** {@link #delete} without blocking the caller; completes once the deletion is durable. */
    default CompletableFuture<Boolean> deleteAsync(String recipient, long id) {
        try {
            return CompletableFuture.completedFuture(delete(recipient, id));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Whether this client message id is remembered for the recipient (queued, or acknowledged and not yet expired).
     * Reads only what is committed; never waits for the writer.
     */
    boolean isKnown(String recipient, byte[] clientMessageId);

    /**
     * Up to {@code limit} queued blobs of the recipient with id greater than {@code afterId}, in id order. */
    List<StoredBlob> queued(String recipient, long afterId, int limit);

    /** Deletes an acknowledged blob's bytes. @return false when no such blob is queued for this recipient */
    boolean delete(String recipient, long id);

    /** Deletes every blob (and idempotency record) that expired at or before {@code now}. @return blobs deleted */
    int deleteExpired(Instant now);

    int queuedCount(String recipient);

    /** Queued blobs over all recipients. */
    long totalQueued();

    /** Bytes of queued blobs over all recipients. */
    long totalQueuedBytes();
}
