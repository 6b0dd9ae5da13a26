package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.List;

/**
 * Per-member delivery and read times of our own group messages (issue #15). The first time recorded for a step is
 * kept (a repeated or late receipt changes nothing); the times go with their message: a deleted message has none.
 */
public interface MemberReceiptStore {

    /**
     * Records {@code at} as the time {@code member} reached {@code step} for message {@code id}, unless a time is
     * recorded already. A message that does not exist is ignored.
     *
     * @param step DELIVERED or READ
     * @throws IllegalArgumentException for any other step
     */
    void record(Transaction txn, MessageId id, String member, MessageState step, Instant at) throws StorageException;

    /** The members with a receipt for {@code id}, by username; empty for an unknown message. */
    List<MemberReceipt> list(Transaction txn, MessageId id) throws StorageException;

    /** The steps this store keeps. */
    static void checkStep(MessageState step) {
        if (step != MessageState.DELIVERED && step != MessageState.READ) {
            throw new IllegalArgumentException("no member time is kept for the step " + step);
        }
    }
}
