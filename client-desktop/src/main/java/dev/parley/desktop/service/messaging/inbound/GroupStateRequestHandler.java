package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.GroupStateRequest;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.service.group.GroupResync;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/** A member's request for a group's state (GROUP_STATE_REQUEST 36), answered by an admin ({@link GroupResync#request}). */
final class GroupStateRequestHandler implements PayloadHandler<GroupStateRequest> {
    private final GroupReceiver groups;

    GroupStateRequestHandler(GroupReceiver groups) {
        this.groups = groups;
    }

    @Override
    public Class<GroupStateRequest> type() {
        return GroupStateRequest.class;
    }

    /** Nobody reads a state request: from a stranger it opens nothing. */
    @Override
    public FromStranger fromStranger() {
        return FromStranger.DROPPED;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<GroupStateRequest>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<GroupStateRequest> r : received) {
            if (!r.inGroup()) {
                groups.resync().request(txn, r.sender(), r.payload(), batch.now());
            }
        }
    }
}
