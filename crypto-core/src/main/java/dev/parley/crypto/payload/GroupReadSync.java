package dev.parley.crypto.payload;

import dev.parley.crypto.group.GroupId;
import java.util.List;
import java.util.Objects;

/**
 * Issue #17, linked devices: this account read these messages of a group's conversation on another of its devices
 * (GROUP_READ_SYNC 45, docs/protocol.md 1.18), the group counterpart of {@link Payload.ReadSync}.
 */
public record GroupReadSync(GroupId group, List<MessageId> ids) implements Payload {
    public GroupReadSync {
        Objects.requireNonNull(group, "group");
        ids = List.copyOf(ids);
        if (ids.isEmpty() || ids.size() > MAX_RECEIPT_IDS) {
            throw new IllegalArgumentException("1 to " + MAX_RECEIPT_IDS + " message ids expected");
        }
    }

    @Override
    public int typeCode() {
        return PayloadType.GROUP_READ_SYNC.code();
    }
}
