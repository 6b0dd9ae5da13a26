package dev.parley.desktop.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A message to store.
 *
 * @param messageId      globally unique id (deduplication key)
 * @param conversationId the conversation it belongs to
 * @param direction      outgoing or incoming
 * @param sender         username of the author
 * @param sentAt         the sender's timestamp
 * @param receivedAt     when this device received it; null for outgoing messages
 * @param body           the text, at most {@link #MAX_BODY_CHARS} characters
 * @param state          initial state: SENDING for a new outgoing message, DELIVERED (or READ) for an incoming one
 * @param quote          the message it replies to, or null
 * @param kind           a text, or a system line (null: TEXT)
 */
public record NewMessage(MessageId messageId, ConversationId conversationId, Direction direction, String sender,
                         Instant sentAt, Instant receivedAt, String body, MessageState state, Quote quote,
                         MessageKind kind) {
    public static final int MAX_BODY_CHARS = 65_536;

    /** A message that is not a reply. */
    public NewMessage(MessageId messageId, ConversationId conversationId, Direction direction, String sender,
                      Instant sentAt, Instant receivedAt, String body, MessageState state) {
        this(messageId, conversationId, direction, sender, sentAt, receivedAt, body, state, null, MessageKind.TEXT);
    }

    /** This message as a system line. */
    public NewMessage asSystem() {
        return new NewMessage(messageId, conversationId, direction, sender, sentAt, receivedAt, body, state, quote,
                MessageKind.SYSTEM);
    }

    /** This message as a reply to {@code quoted}. */
    public NewMessage withQuote(Quote quoted) {
        return new NewMessage(messageId, conversationId, direction, sender, sentAt, receivedAt, body, state, quoted, kind);
    }

    public NewMessage {
        kind = kind == null ? MessageKind.TEXT : kind;
        sentAt = sentAt == null ? null : sentAt.truncatedTo(ChronoUnit.MILLIS);
        receivedAt = receivedAt == null ? null : receivedAt.truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(direction, "direction");
        Identifiers.check(sender, "sender", ConversationId.MAX_LENGTH);
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("message body longer than " + MAX_BODY_CHARS + " characters");
        }
        if (direction == Direction.INCOMING && receivedAt == null) {
            throw new IllegalArgumentException("an incoming message needs receivedAt");
        }
        if (direction == Direction.INCOMING && state != MessageState.DELIVERED && state != MessageState.READ) {
            throw new IllegalArgumentException("an incoming message starts DELIVERED or READ");
        }
        if (direction == Direction.SYSTEM && state != MessageState.READ) {
            throw new IllegalArgumentException("a system line is stored READ");
        }
        if (state == MessageState.FAILED) {
            throw new IllegalArgumentException("a message cannot be stored as FAILED without a reason");
        }
    }

    /** A new outgoing message in state SENDING. */
    public static NewMessage outgoing(MessageId id, ConversationId conversation, String sender, Instant sentAt,
                                      String body) {
        return new NewMessage(id, conversation, Direction.OUTGOING, sender, sentAt, null, body, MessageState.SENDING);
    }

    /** A new, unread incoming message. */
    public static NewMessage incoming(MessageId id, ConversationId conversation, String sender, Instant sentAt,
                                      Instant receivedAt, String body) {
        return new NewMessage(id, conversation, Direction.INCOMING, sender, sentAt, receivedAt, body,
                MessageState.DELIVERED);
    }

    /** The sender name of {@link Direction#SYSTEM} lines. */
    public static final String SYSTEM_SENDER = "parley";

    /** A line Parley writes into a conversation itself (read, never sent). */
    public static NewMessage system(MessageId id, ConversationId conversation, Instant at, String body) {
        return new NewMessage(id, conversation, Direction.SYSTEM, SYSTEM_SENDER, at, at, body, MessageState.READ);
    }

    @Override
    public String toString() {
        return "NewMessage[" + direction + ", " + state + ", " + body.length() + " chars]";
    }
}
