package dev.parley.desktop.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored message.
 *
 * @param cursor         its position; history is ordered by storage order (newest = most recently stored)
 * @param receivedAt     null for outgoing messages
 * @param failureReason  non-null exactly when the state is FAILED
 */
public record Message(MessageCursor cursor, MessageId messageId, ConversationId conversationId, Direction direction,
                      String sender, Instant sentAt, Instant receivedAt, String body, MessageState state,
                      String failureReason) {
    public Message {
        sentAt = sentAt == null ? null : sentAt.truncatedTo(ChronoUnit.MILLIS);
        receivedAt = receivedAt == null ? null : receivedAt.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
    }

    public Optional<Instant> received() {
        return Optional.ofNullable(receivedAt);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failureReason);
    }

    /** Whether this is an incoming message the user has not read yet. */
    public boolean isUnread() {
        return direction == Direction.INCOMING && state != MessageState.READ;
    }

    @Override
    public String toString() {
        return "Message[" + cursor.sequence() + ", " + direction + ", " + state + ", " + body.length() + " chars]";
    }
}
