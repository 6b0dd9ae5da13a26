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
