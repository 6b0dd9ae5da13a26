package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted after a contact's profile (or the own one, under the own username) was stored or their nickname changed.
 *
 * @param username whose
 */
public record ProfileChangedEvent(String username) implements AppEvent {
    public ProfileChangedEvent {
        Objects.requireNonNull(username);
    }
}
