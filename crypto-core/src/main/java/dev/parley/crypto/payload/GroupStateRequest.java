package dev.parley.crypto.payload;

import dev.parley.crypto.group.GroupId;
import java.util.Objects;

/**
 * A member that missed a group change asks an admin for the group's current state (issue #15, docs/protocol.md 1.15.2,
 * "Resynchronisation"): GROUP_STATE_REQUEST (36), sent pairwise, so the session authenticates it. {@code revision} is
 * the revision the member holds; the admin answers only with a newer one ({@link GroupStateAnswer}).
 */
public record GroupStateRequest(GroupId group, long revision) implements Payload {
    public GroupStateRequest {
        Objects.requireNonNull(group, "group");
        if (revision < 1) {
            throw new IllegalArgumentException("state request: revision from 1");
        }
    }

    @Override
    public int typeCode() {
        return PayloadType.GROUP_STATE_REQUEST.code();
    }
}
