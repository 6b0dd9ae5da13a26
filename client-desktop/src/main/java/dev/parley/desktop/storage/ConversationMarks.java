package dev.parley.desktop.storage;

/**
 * What the user set on a conversation for themselves: muted (no notifications) and archived (listed apart, under
 * "Archived"). Local only; the other side is never told.
 */
public record ConversationMarks(boolean muted, boolean archived) {
    public static final ConversationMarks NONE = new ConversationMarks(false, false);
}
