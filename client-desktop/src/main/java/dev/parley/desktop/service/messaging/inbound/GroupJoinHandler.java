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

    /**
     * A join request comes from someone who holds the invite link, usually not a contact yet: like a group invitation
     * it makes them a message request (the admin's client must be able to answer with the ADD change), and the request
     * itself is kept only if its proof verifies (docs/protocol.md 1.15.5).
     */
    @Override
    public FromStranger fromStranger() {
        return FromStranger.OPENS_REQUEST;
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
