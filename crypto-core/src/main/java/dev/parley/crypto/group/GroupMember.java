package dev.parley.crypto.group;

import dev.parley.crypto.wire.Usernames;

/** One member of a group: a valid username and its role. */
public record GroupMember(String username, GroupRole role) {
    public GroupMember {
        if (username == null || !Usernames.isValid(username)) {
            throw new IllegalArgumentException("group member: not a valid username");
        }
        java.util.Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        return "GroupMember[" + role + "]";
    }
}
