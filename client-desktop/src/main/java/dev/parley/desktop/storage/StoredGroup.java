package dev.parley.desktop.storage;

import dev.parley.crypto.group.GroupState;
import java.util.Objects;

/**
 * A group as this profile holds it: its current state, the state before the last change (null for the first one this
 * profile saw) and that change's hash (the concurrent-change tie-break, docs/protocol.md 1.15.2), and whether this
 * profile is still a member ({@code active}; false once it left or was removed: the history stays readable).
 */
public record StoredGroup(GroupState state, GroupState previous, byte[] changeHash, boolean active) {
    public StoredGroup {
        Objects.requireNonNull(state, "state");
        if (changeHash == null || changeHash.length != 32) {
            throw new IllegalArgumentException("stored group: 32-byte change hash expected");
        }
        changeHash = changeHash.clone();
    }

    @Override
    public byte[] changeHash() {
        return changeHash.clone();
    }

    @Override
    public String toString() {
        return "StoredGroup[" + state + (active ? "" : ", left") + "]";
    }
}
