package dev.parley.desktop.event;

import dev.parley.desktop.net.ConnectionState;
import java.util.Objects;

/**
 * Posted by the connection service on every connection state change, on the thread that made the change.
 *
 * @param state the new state
 */
public record ConnectionChangedEvent(ConnectionState state) implements AppEvent {
    public ConnectionChangedEvent {
        Objects.requireNonNull(state);
    }
}
