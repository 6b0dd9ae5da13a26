package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/** Join requests made with an invite link (GROUP_JOIN_REQUEST 35), checked and kept by {@link GroupReceiver#joinRequest}. */
final class GroupJoinHandler implements PayloadHandler<Payload.GroupJoinRequest> {
    private final GroupReceiver groups;

    GroupJoinHandler(GroupReceiver groups) {
        this.groups = groups;
    }

    @Override
    public Class<Payload.GroupJoinRequest> type() {
        return Payload.GroupJoinRequest.class;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.GroupJoinRequest>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.GroupJoinRequest> r : received) {
            if (!r.inGroup()) {
                groups.joinRequest(txn, r.sender(), r.payload(), batch.now());
            }
        }
    }
}
