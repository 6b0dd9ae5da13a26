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

    /** The prefix of group conversation ids: '#' is outside the relay's username rule. */
    public static final String GROUP_PREFIX = "#";

    /** The id of a group's conversation: '#' and the group id in lower-case hex. */
    public static ConversationId group(dev.parley.crypto.group.GroupId group) {
        return new ConversationId(GROUP_PREFIX + group.hex());
    }

    /** Whether this is a group conversation's id. */
    public boolean isGroup() {
        return value.startsWith(GROUP_PREFIX);
    }

    @Override
    public String toString() {
        return "ConversationId[" + value.length() + " chars]";
    }
}
