package dev.parley.desktop.storage;

/**
 * Identifies a conversation; for a one-to-one chat it is the peer's username. 1 to 128 characters, no control
 * characters.
 */
public record ConversationId(String value) {
    public static final int MAX_LENGTH = 128;

    public ConversationId {
        Identifiers.check(value, "conversation id", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return "ConversationId[" + value.length() + " chars]";
    }
}
