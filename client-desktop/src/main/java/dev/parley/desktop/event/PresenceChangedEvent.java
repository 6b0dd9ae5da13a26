package dev.parley.desktop.event;

import java.util.Objects;

/**
 * A contact's presence (online, last seen) may have changed: ask the presence service for the current state. Posted
 * at most once per second per contact, however many presence payloads arrive (issue #14).
 *
 * @param contact the contact's username
 */
public record PresenceChangedEvent(String contact) implements AppEvent {
    public PresenceChangedEvent {
        Objects.requireNonNull(contact);
    }
}
