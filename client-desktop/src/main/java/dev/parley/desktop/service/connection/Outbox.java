package dev.parley.desktop.service.connection;

import dev.parley.desktop.service.StorageFailureException;
import java.util.List;
import java.util.Objects;

/** The durable queue of sealed blobs waiting for the relay's acceptance (owned by the messaging service). */
public interface Outbox {

    /** Most items {@link #pending()} returns at once; the connection asks again after a full batch. */
    int BATCH = 500;

    /** Up to {@link #BATCH} blobs not yet accepted by the relay, oldest first. */
    List<Item> pending() throws StorageFailureException;

    /** The relay stored the blob: mark its message SENT and remove it from the outbox. Idempotent. */
    void accepted(Item item) throws StorageFailureException;

    /**
     * The relay stored these blobs (the recipients of one multi-recipient send): as {@link #accepted} for each, in
     * one transaction.
     */
    default void acceptedAll(List<Item> items) throws StorageFailureException {
        for (Item item : items) {
            accepted(item);
        }
    }

    /** The relay refused the blob for good (unknown recipient): mark its message FAILED and remove it. */
    void rejected(Item item, String reason) throws StorageFailureException;

    /**
     * One queued blob.
     *
     * @param clientMessageId 16 bytes, the relay's dedupe key; the same on every resend
     * @param recipient       the recipient's username
     * @param blob            the sealed envelope
     * @param ephemeral       true for typing indicators: sent only if online, never stored or retried
     */
    record Item(byte[] clientMessageId, String recipient, byte[] blob, boolean ephemeral) {
        public Item {
            Objects.requireNonNull(clientMessageId);
            Objects.requireNonNull(recipient);
            Objects.requireNonNull(blob);
        }

        @Override
        public String toString() {
            return "Outbox.Item[" + blob.length + " bytes" + (ephemeral ? ", ephemeral" : "") + "]";
        }
    }
}
