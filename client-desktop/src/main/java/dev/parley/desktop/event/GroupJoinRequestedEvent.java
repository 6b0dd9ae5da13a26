package dev.parley.desktop.event;

import java.util.Objects;

/**
 * Posted after a verified join request (made with a group's invite link) was stored for an admin (issue #15). The
 * join approver adds the person unless the group's admins approve requests themselves.
 *
 * @param conversation the group's conversation id
 */
public record GroupJoinRequestedEvent(String conversation) implements AppEvent {
    public GroupJoinRequestedEvent {
        Objects.requireNonNull(conversation);
    }
}
