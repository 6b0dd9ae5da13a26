package dev.parley.desktop.service.messaging;

import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;

/** The sending side of disappearing messages: which timer a new message carries, and its expiry. */
final class Disappearing {
    private final Storage storage;

    Disappearing(Storage storage) {
        this.storage = storage;
    }

    /** The conversation's current timer (what a message sent now carries). */
    DisappearingTimer timerOf(ConversationId conversation) throws StorageFailureException {
        try {
            return storage.transactions().transactionWithResult(true,
                    txn -> storage.disappearing().timer(txn, conversation));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the conversation's timer", e);
        }
    }

    /** Gives a message sent at {@code sentAt} under {@code timer} its expiry (nothing when the timer is off). */
    void stamp(Transaction txn, MessageId id, Instant sentAt, DisappearingTimer timer) throws StorageException {
        if (timer != DisappearingTimer.OFF) {
            storage.disappearing().expireAt(txn, id, sentAt.plus(timer.duration()));
        }
    }
}
