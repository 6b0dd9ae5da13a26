package dev.parley.desktop.storage;

import dev.parley.crypto.group.GroupState;
import java.util.Objects;

/**
 * A group as this profile holds it: its current state, the state before the last change (null for the first one this
 * profile saw) and that change's hash (the concurrent-change tie-break, docs/protocol.md 1.15.2), whether this
 * profile is still a member ({@code active}; false once it left or was removed: the history stays readable), and
 * whether it stopped being one because an admin removed it ({@code removed}; false while active and after leaving).
 */
public record StoredGroup(GroupState state, GroupState previous, byte[] changeHash, boolean active, boolean removed) {
    public StoredGroup {
        Objects.requireNonNull(state, "state");
        if (changeHash == null || changeHash.length != 32) {
            throw new IllegalArgumentException("stored group: 32-byte change hash expected");
        }
        if (active && removed) {
            throw new IllegalArgumentException("stored group: a member that was removed is not active");
        }
        changeHash = changeHash.clone();
    }

    /** A group this profile is a member of ({@code active}) or left itself. */
    public StoredGroup(GroupState state, GroupState previous, byte[] changeHash, boolean active) {
        this(state, previous, changeHash, active, false);
    }

    @Override
    public byte[] changeHash() {
        return changeHash.clone();
    }

    @Override
    public String toString() {
        return "StoredGroup[" + state + (active ? "" : removed ? ", removed" : ", left") + "]";
    }
}
