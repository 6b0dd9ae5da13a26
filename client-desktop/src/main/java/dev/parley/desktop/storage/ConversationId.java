package dev.parley.desktop.storage;

/**
 * Identifies a conversation ({@link Conversation}); for a one-to-one chat it is the peer's username ({@link #direct}). 1 to 128 characters, no control
 * characters.
 */
public record ConversationId(String value) {
    public static final int MAX_LENGTH = 128;

    public ConversationId {
        Identifiers.check(value, "conversation id", MAX_LENGTH);
    }

    /**
     * The id of the direct (one-to-one) conversation with {@code peer}: the peer's username. Group ids will carry a
     * character the relay's username rule excludes, so the two never collide.
     */
    public static ConversationId direct(String peer) {
        return new ConversationId(peer);
    }

    @Override
    public String toString() {
        return "ConversationId[" + value.length() + " chars]";
    }
}
