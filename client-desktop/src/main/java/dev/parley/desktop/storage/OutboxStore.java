package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable queue of outgoing sealed blobs. An entry stays until the relay acknowledges it ({@link #acknowledge}), so
 * after a crash or a lost connection everything unacknowledged is sent again (the receiver deduplicates by message id).
 */
public interface OutboxStore {

    /**
     * Queues a blob with zero attempts.
     *
     * @return false (nothing changed) if an entry for this message id and recipient exists
     */
    boolean enqueue(Transaction txn, MessageId messageId, String recipient, byte[] blob, Instant createdAt)
            throws StorageException;

    /**
     * Queues a blob with the encoded payload it carries (issue #17: kept so that the message can be encrypted again
     * for a device the recipient linked meanwhile).
     *
     * @return false (nothing changed) if an entry for this message id and recipient exists
     */
    boolean enqueue(Transaction txn, MessageId messageId, String recipient, byte[] blob, byte[] payload,
                    Instant createdAt) throws StorageException;

    /**
     * Queues one blob per recipient of one message (a group message's multi-recipient blobs, issue #15), each with
     * zero attempts and no payload, skipping any recipient already queued for this message id (or named twice).
     *
     * @param blobs the blob for each recipient, in the same order
     * @return how many entries were queued
     */
    default int enqueueAll(Transaction txn, MessageId messageId, List<String> recipients, List<byte[]> blobs,
                           Instant createdAt) throws StorageException {
        if (recipients.size() != blobs.size()) {
            throw new IllegalArgumentException("one blob per recipient");
        }
        int queued = 0;
        for (int i = 0; i < recipients.size(); i++) {
            if (enqueue(txn, messageId, recipients.get(i), blobs.get(i), createdAt)) {
                queued++;
            }
        }
        return queued;
    }

    /** The encoded payload queued with an entry; empty if there is no such entry or it was queued without one. */
    Optional<byte[]> payload(Transaction txn, MessageId messageId, String recipient) throws StorageException;

    /** Every entry of one message (one per recipient device), oldest first. */
    List<OutboxEntry> forMessage(Transaction txn, MessageId messageId) throws StorageException;

    /** Up to {@code limit} entries, oldest first. */
    List<OutboxEntry> pending(Transaction txn, int limit) throws StorageException;

    Optional<OutboxEntry> find(Transaction txn, MessageId messageId, String recipient) throws StorageException;

    /** Counts one more attempt at {@code at}. False if there is no such entry. */
    boolean recordAttempt(Transaction txn, MessageId messageId, String recipient, Instant at)
            throws StorageException;

    /** Removes the entry once the relay stored the blob. False if there was none (for example a repeated ack). */
    boolean acknowledge(Transaction txn, MessageId messageId, String recipient) throws StorageException;

    int size(Transaction txn) throws StorageException;
}
