package dev.parley.desktop.service;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionTask;

/**
 * Issue #17: queues a payload durably for this account's other devices, committing {@code alsoCommit} in the same
 * transaction as the outbox entries (so a sender's own progress moves exactly with what it queued).
 */
@FunctionalInterface
public interface OwnDeviceQueue {
    /** @return false, and nothing done, when this account has no other device with a session */
    boolean queue(Payload payload, TransactionTask<StorageException> alsoCommit) throws ServiceException;
}
