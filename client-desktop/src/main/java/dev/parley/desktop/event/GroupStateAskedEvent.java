package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted after a member of a group this profile administers asked for the group's current state (issue #15,
 * docs/protocol.md 1.15.2): the resync worker sends it the state, signed.
 *
 * @param conversation the group's conversation id
 * @param member       the member that asked
 */
public record GroupStateAskedEvent(String conversation, String member) implements AppEvent {
    public GroupStateAskedEvent {
        Objects.requireNonNull(conversation);
        Objects.requireNonNull(member);
    }
}
