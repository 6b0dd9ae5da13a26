package dev.parley.desktop.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * A user's profile as stored: the own one, or the latest a contact shared (issue #14). The display name and about
 * line are stored as the receiver sanitised them. Empty means "not set".
 *
 * @param version grows with each change; only a higher version replaces a stored profile
 */
public record UserProfile(String username, long version, String displayName, String about, byte[] avatar,
                          Instant updatedAt) {
    public UserProfile {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(avatar, "avatar");
        if (version < 1) {
            throw new IllegalArgumentException("profile version must be positive");
        }
        avatar = avatar.clone();
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public byte[] avatar() {
        return avatar.clone();
    }

    public boolean hasAvatar() {
        return avatar.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserProfile p && username.equals(p.username) && version == p.version
                && displayName.equals(p.displayName) && about.equals(p.about) && Arrays.equals(avatar, p.avatar)
                && updatedAt.equals(p.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, version, displayName, about, Arrays.hashCode(avatar), updatedAt);
    }

    @Override
    public String toString() {
        return "UserProfile[version " + version + ", content hidden]";
    }
}
