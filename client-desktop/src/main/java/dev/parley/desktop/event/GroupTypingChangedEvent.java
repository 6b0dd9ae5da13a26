package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted when a group member's typing indicator for the group's conversation arrives (issue #15). Ephemeral: nothing
 * is stored.
 *
 * @param conversation the group's conversation id ('#' and the group id)
 * @param member       the member who is typing
 * @param typing       whether they are typing now
 */
public record GroupTypingChangedEvent(String conversation, String member, boolean typing) implements AppEvent {
    public GroupTypingChangedEvent {
        Objects.requireNonNull(conversation);
        Objects.requireNonNull(member);
    }
}
