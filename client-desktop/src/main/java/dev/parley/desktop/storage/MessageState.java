package dev.parley.desktop.storage;

/**
 * Delivery state of a message. Outgoing messages move SENDING -> SENT (the relay stored it) -> DELIVERED -> READ, or
 * SENDING -> FAILED (with a reason). Incoming messages are stored as DELIVERED and become READ when the user has
 * seen them.
 *
 * <p>States never move backwards ({@link #canMoveTo}): a late "delivered" receipt after "read" is ignored. FAILED can
 * only be reached from SENDING; from FAILED a message may be retried (SENDING) or a late receipt may prove it
 * arrived (SENT, DELIVERED, READ).
 */
public enum MessageState {
    SENDING(0),
    SENT(1),
    DELIVERED(2),
    READ(3),
    FAILED(-1);

    private final int rank;

    MessageState(int rank) {
        this.rank = rank;
    }

    /** Whether a message in this state may move to {@code next}; a state never moves to itself. */
    public boolean canMoveTo(MessageState next) {
        if (this == next) {
            return false;
        }
        if (next == FAILED) {
            return this == SENDING;
        }
        if (this == FAILED) {
            return true;
        }
        return next.rank > rank;
    }
}
