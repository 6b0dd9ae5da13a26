package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted by the contact service after the user blocked or unblocked someone (a contact or not).
 *
 * @param username who
 * @param blocked  whether they are blocked now
 */
public record BlockedChangedEvent(String username, boolean blocked) implements AppEvent {
    public BlockedChangedEvent {
        Objects.requireNonNull(username);
    }
}
