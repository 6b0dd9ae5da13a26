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
 * @param deleted        deleted for everyone: a tombstone whose text is gone (body empty)
 * @param editCount      how often its author edited it (0 to {@link #MAX_EDITS}); body is the current text
 * @param quote          the message this one replies to; null if it is not a reply
 * @param kind           a text, or a system line about the conversation
 * @param expiresAt      when it disappears (a disappearing-messages timer applied); null if never
 */
public record Message(MessageCursor cursor, MessageId messageId, ConversationId conversationId, Direction direction,
                      String sender, Instant sentAt, Instant receivedAt, String body, MessageState state,
                      String failureReason, boolean deleted, int editCount, Quote quote, MessageKind kind,
                      Instant expiresAt) {
    /** How often a message may be edited. */
    public static final int MAX_EDITS = 10;
    /** What a tombstone shows instead of its text. */
    public static final String TOMBSTONE_TEXT = "This message was deleted";

    /** A message that was neither edited nor deleted. */
    public Message(MessageCursor cursor, MessageId messageId, ConversationId conversationId, Direction direction,
                   String sender, Instant sentAt, Instant receivedAt, String body, MessageState state,
                   String failureReason) {
        this(cursor, messageId, conversationId, direction, sender, sentAt, receivedAt, body, state, failureReason,
                false, 0, null, MessageKind.TEXT, null);
    }

    /** This message with another text, deleted flag and edit count (the rest unchanged). */
    public Message withContent(String newBody, boolean newDeleted, int newEditCount) {
        return new Message(cursor, messageId, conversationId, direction, sender, sentAt, receivedAt, newBody, state,
                failureReason, newDeleted, newEditCount, quote, kind, expiresAt);
    }

    /** This message in another state. */
    public Message withState(MessageState newState, String newFailureReason) {
        return new Message(cursor, messageId, conversationId, direction, sender, sentAt, receivedAt, body, newState,
                newFailureReason, deleted, editCount, quote, kind, expiresAt);
    }

    /** This message with another quote (its original was deleted: the snippet is gone). */
    public Message withQuote(Quote newQuote) {
        return new Message(cursor, messageId, conversationId, direction, sender, sentAt, receivedAt, body, state,
                failureReason, deleted, editCount, newQuote, kind, expiresAt);
    }

    /** This message with an expiry. */
    public Message withExpiry(Instant at) {
        return new Message(cursor, messageId, conversationId, direction, sender, sentAt, receivedAt, body, state,
                failureReason, deleted, editCount, quote, kind, at);
    }

    /** When it disappears, if a timer applies. */
    public java.util.Optional<Instant> expiry() {
        return java.util.Optional.ofNullable(expiresAt);
    }

    /**
     * Whether this is a system line rather than someone's text: made by {@link NewMessage#asSystem()} (kind SYSTEM)
     * or by {@link NewMessage#system} (direction SYSTEM: session restarts, group changes, the 0.1 upgrade notice).
     */
    public boolean isSystem() {
        return kind == MessageKind.SYSTEM || direction == Direction.SYSTEM;
    }

    /** The quoted message, if this is a reply. */
    public java.util.Optional<Quote> replyTo() {
        return java.util.Optional.ofNullable(quote);
    }

    public Message {
        kind = kind == null ? MessageKind.TEXT : kind;
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
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

    /** Whether its author edited it at least once. */
    public boolean edited() {
        return editCount > 0;
    }

    /** What to show: the current text, or {@link #TOMBSTONE_TEXT} for a deleted message. */
    public String displayText() {
        return deleted ? TOMBSTONE_TEXT : body;
    }

    /** Whether this is an incoming message the user has not read yet. */
    public boolean isUnread() {
        return direction == Direction.INCOMING && state != MessageState.READ;
    }

    @Override
    public String toString() {
        return "Message[" + cursor.sequence() + ", " + direction + ", " + state + ", " + body.length() + " chars"
                + (deleted ? ", deleted" : "") + (editCount > 0 ? ", edited" : "") + "]";
    }
}
