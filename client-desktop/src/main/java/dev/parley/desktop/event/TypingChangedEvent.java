package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted by the messaging service when a contact's typing indicator arrives. Ephemeral: nothing is stored.
 *
 * @param contact the contact
 * @param typing  whether they are typing now
 */
public record TypingChangedEvent(String contact, boolean typing) implements AppEvent {
    public TypingChangedEvent {
        Objects.requireNonNull(contact);
    }
}
