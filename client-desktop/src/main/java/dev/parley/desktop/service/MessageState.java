package dev.parley.desktop.service;

/**
 * The life of a message. Outgoing: SENDING -> SENT (the relay stored it) -> DELIVERED (the recipient stored it) ->
 * READ (the recipient displayed it, if they send read receipts), or FAILED with a reason. Incoming messages are
 * RECEIVED, then READ once shown locally. States only move forward.
 */
public enum MessageState {
    SENDING, SENT, DELIVERED, READ, FAILED, RECEIVED;

    /** Whether a receipt or acknowledgement may move a message from this state to {@code next}. */
    public boolean canAdvanceTo(MessageState next) {
        if (this == next) {
            return false;
        }
        switch (this) {
            case SENDING:
                return next == SENT || next == DELIVERED || next == READ || next == FAILED;
            case SENT:
                return next == DELIVERED || next == READ;
            case DELIVERED:
                return next == READ;
            case RECEIVED:
                return next == READ;
            default:
                return false;
        }
    }
}
