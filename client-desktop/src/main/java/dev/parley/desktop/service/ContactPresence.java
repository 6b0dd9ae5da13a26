package dev.parley.desktop.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact's presence as this profile knows it (issue #14).
 *
 * @param username the contact
 * @param status   online, offline (with {@code lastSeen} if ever heard from), or hidden (presence set to nobody)
 * @param lastSeen when the contact was last heard from as online; empty when never, or when hidden
 */
public record ContactPresence(String username, Status status, Optional<Instant> lastSeen) {
    public ContactPresence {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** What can be shown. */
    public enum Status {
        ONLINE,
        OFFLINE,
        /** The user's presence setting is "nobody": they see no one's presence. */
        HIDDEN
    }

    public boolean online() {
        return status == Status.ONLINE;
    }
}
