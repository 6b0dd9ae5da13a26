package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted after a batch showed this profile that it missed a change of a group it is in (issue #15, docs/protocol.md
 * 1.15.2): the resync worker asks {@code admin} for the group's current state.
 *
 * @param conversation the group's conversation id
 * @param admin        the admin to ask (an admin of the state held here)
 */
public record GroupStateWantedEvent(String conversation, String admin) implements AppEvent {
    public GroupStateWantedEvent {
        Objects.requireNonNull(conversation);
        Objects.requireNonNull(admin);
    }
}
