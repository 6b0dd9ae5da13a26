package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted after a conversation's marks changed, on this device (mute or archive) or because another device of this
 * account changed them (issue #17, CONVERSATION_SYNC), so the conversation list shows them at once either way.
 *
 * @param conversation the conversation: a contact's username, or {@code #} and a group id
 * @param muted        whether it is muted now
 * @param archived     whether it is archived now
 */
public record ConversationMarksChangedEvent(String conversation, boolean muted, boolean archived) implements AppEvent {
    public ConversationMarksChangedEvent {
        Objects.requireNonNull(conversation);
    }
}
