package dev.parley.relay.store;

/** Outcome of {@link BlobStore#store}: the stored blob's id, or why nothing was stored. */
public record StoreResult(Status status, long id) {
    public enum Status {
        STORED,
        /** The client message id was already stored for this recipient (still queued or already acknowledged). */
        DUPLICATE,
        /** The recipient already has {@code quota} blobs queued. */
        QUEUE_FULL
    }

    static StoreResult stored(long id) {
        return new StoreResult(Status.STORED, id);
    }

    static final StoreResult DUPLICATE = new StoreResult(Status.DUPLICATE, 0);
    static final StoreResult QUEUE_FULL = new StoreResult(Status.QUEUE_FULL, 0);
}
