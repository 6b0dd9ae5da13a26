package dev.parley.relay.store;

import java.time.Instant;

/**
 * A sealed blob waiting for its recipient. Deliberately has no sender.
 *
 * @param id         relay-assigned, increasing in arrival order
 * @param blob       opaque sealed bytes
 * @param receivedAt when the relay stored it
 */
public record StoredBlob(long id, byte[] blob, Instant receivedAt) {
    @Override
    public String toString() {
        return "StoredBlob[id=" + id + ", bytes=" + blob.length + "]";
    }
}
