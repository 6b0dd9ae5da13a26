package dev.parley.desktop.storage;

import java.util.Collection;
import java.util.List;

/**
 * Delivery receipts owed but not yet sent. The messaging layer adds them in the same transaction that stores the
 * messages (one entry per sender per batch) and removes them in the transaction that queues the encrypted receipt in
 * the outbox, so a crash in between loses no receipt: the next login sends them.
 */
public interface PendingReceiptStore {

    /** Records receipts owed to {@code recipient}; nothing is recorded for an empty list. */
    void add(Transaction txn, String recipient, List<MessageId> messageIds) throws StorageException;

    /** Every entry, oldest first. */
    List<PendingReceipts> all(Transaction txn) throws StorageException;

    /** Removes the entries with these ids (unknown ids are ignored). */
    void remove(Transaction txn, Collection<Long> ids) throws StorageException;
}
