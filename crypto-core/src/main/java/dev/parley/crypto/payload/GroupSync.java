package dev.parley.crypto.payload;

import dev.parley.crypto.group.GroupState;
import java.util.Objects;

/**
 * Issue #17, linked devices: a group as the sending device holds it, for the account's new device (GROUP_SYNC 46,
 * docs/protocol.md 1.18, "The account's state for a new device"): its whole state, the hash of the change that produced
 * it (the concurrent-change tie-break every member holds) and whether the account is still a member. Taken only from
 * the account's own devices, which hold the account's identity key and so are trusted with its groups.
 */
public record GroupSync(GroupState state, byte[] changeHash, boolean active) implements Payload {
    public static final int HASH_BYTES = 32;

    public GroupSync {
        Objects.requireNonNull(state, "state");
        if (changeHash == null || changeHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("group sync: 32-byte change hash expected");
        }
        changeHash = changeHash.clone();
    }

    @Override
    public byte[] changeHash() {
        return changeHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupSync g && state.equals(g.state) && java.util.Arrays.equals(changeHash, g.changeHash)
                && active == g.active;
    }

    @Override
    public int hashCode() {
        return 31 * state.hashCode() + java.util.Arrays.hashCode(changeHash) + (active ? 1 : 0);
    }

    @Override
    public String toString() {
        return "GroupSync[" + state.id() + ", revision " + state.revision() + (active ? "" : ", left") + "]";
    }

    @Override
    public int typeCode() {
        return PayloadType.GROUP_SYNC.code();
    }
}
