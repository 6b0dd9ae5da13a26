package dev.parley.desktop.storage;

import java.util.Objects;

/**
 * Something that happened to a message after {@code listen} printed it (see {@link ListenChangeStore}).
 *
 * @param seq     its position; changes are printed in this order
 * @param kind    CHANGED (edited or deleted for everyone: print the message again) or REACTION
 * @param reactor who reacted (REACTION only)
 * @param emoji   the reaction, or null when it was removed (REACTION only)
 */
public record ListenChange(long seq, MessageId messageId, Kind kind, String reactor, String emoji) {
    public enum Kind { CHANGED, REACTION }

    public ListenChange {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(kind);
        if ((kind == Kind.REACTION) != (reactor != null)) {
            throw new IllegalArgumentException("a reaction, and only a reaction, names who reacted");
        }
    }

    public static ListenChange changed(MessageId messageId) {
        return new ListenChange(0, messageId, Kind.CHANGED, null, null);
    }

    public static ListenChange reaction(MessageId messageId, String reactor, String emojiOrNull) {
        return new ListenChange(0, messageId, Kind.REACTION, reactor, emojiOrNull);
    }
}
