package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.Objects;

/** A request to join a group made with its invite link, waiting for an admin (issue #15). */
public record GroupJoinRequest(String username, Instant requestedAt) {
    public GroupJoinRequest {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
