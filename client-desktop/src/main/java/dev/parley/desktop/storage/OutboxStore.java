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
     * Queues one entry per recipient of one message whose blob is that recipient's own part followed by a part they
     * all share, stored once (issue #15: a group message's multi-recipient blobs, {@code 0x4D || header length ||
     * header} then the body), each with zero attempts and no payload, skipping any recipient already queued for this
     * message id (or named twice). Entries read back ({@link #pending}, {@link #find}, {@link #forMessage}) carry the
     * whole blob. The shared part goes with the last entry that uses it ({@link #acknowledge}); it is written in the
     * caller's transaction, so it never exists without its entries.
     *
     * @param ownParts each recipient's own part, in the same order (1 byte or more; with the shared part at most
     *                 {@link OutboxEntry#MAX_BLOB_BYTES})
     * @return how many entries were queued
     * @throws IllegalArgumentException if the lists differ in length, a part is out of range, or another shared part
     *                                  is queued under this message id
     */
    int enqueueShared(Transaction txn, MessageId messageId, List<String> recipients, List<byte[]> ownParts,
                      byte[] shared, Instant createdAt) throws StorageException;

    /** How many shared parts are stored ({@link #enqueueShared}); each is used by at least one entry. */
    int sharedParts(Transaction txn) throws StorageException;

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

    /**
     * Removes the entry once the relay stored the blob, and the shared part it used if no other entry uses it. False if
     * there was none (for example a repeated ack).
     */
    boolean acknowledge(Transaction txn, MessageId messageId, String recipient) throws StorageException;

    /**
     * As {@link #acknowledge} for each of {@code recipients} of one message, in one go (the relay's answer to a group
     * message's {@code send_multi}).
     *
     * @return how many entries there were
     */
    default int acknowledgeAll(Transaction txn, MessageId messageId, java.util.Collection<String> recipients)
            throws StorageException {
        int removed = 0;
        for (String recipient : recipients) {
            if (acknowledge(txn, messageId, recipient)) {
                removed++;
            }
        }
        return removed;
    }

    int size(Transaction txn) throws StorageException;
}
