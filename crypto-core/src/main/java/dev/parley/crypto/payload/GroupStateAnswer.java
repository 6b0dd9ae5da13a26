package dev.parley.crypto.payload;

import dev.parley.crypto.group.GroupSnapshot;
import java.util.Objects;

/**
 * An admin's answer to a {@link GroupStateRequest} (issue #15, docs/protocol.md 1.15.2): GROUP_STATE (37), the group's
 * current state signed by the admin for the member that asked ({@link GroupSnapshot}), sent pairwise.
 */
public record GroupStateAnswer(GroupSnapshot snapshot) implements Payload {
    public GroupStateAnswer {
        Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public int typeCode() {
        return PayloadType.GROUP_STATE.code();
    }
}
