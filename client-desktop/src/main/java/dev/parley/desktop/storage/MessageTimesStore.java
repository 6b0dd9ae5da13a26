package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The times behind "Message info" (issue #12 item 6): when a message reached {@link MessageState#SENT} (the relay
 * stored it), {@link MessageState#DELIVERED} and {@link MessageState#READ}. The first time recorded for a step is kept
 * (a repeated or late receipt changes nothing); a step may be known while an earlier one is not (a read receipt can
 * arrive without a delivery receipt). The times go with their message: a deleted message has none.
 */
public interface MessageTimesStore {

    /**
     * Records {@code at} as the time each of {@code ids} reached {@code step}, where none was recorded yet. Ids of
     * messages that do not exist are ignored.
     *
     * @param step SENT, DELIVERED or READ
     * @throws IllegalArgumentException for any other step
     */
    void record(Transaction txn, List<MessageId> ids, MessageState step, Instant at) throws StorageException;

    /** The times of a stored message ({@link MessageTimes#NONE} if none is known yet), empty if no such message. */
    Optional<MessageTimes> find(Transaction txn, MessageId id) throws StorageException;

    /** The steps whose time this store keeps. */
    static void checkStep(MessageState step) {
        if (step != MessageState.SENT && step != MessageState.DELIVERED && step != MessageState.READ) {
            throw new IllegalArgumentException("no time is kept for the step " + step);
        }
    }
}
