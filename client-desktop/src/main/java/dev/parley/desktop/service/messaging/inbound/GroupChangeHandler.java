package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/** Group changes (GROUP_CHANGE 32), applied in arrival order by the group rules ({@link GroupReceiver#change}). */
final class GroupChangeHandler implements PayloadHandler<Payload.GroupUpdate> {
    private final GroupReceiver groups;

    GroupChangeHandler(GroupReceiver groups) {
        this.groups = groups;
    }

    @Override
    public Class<Payload.GroupUpdate> type() {
        return Payload.GroupUpdate.class;
    }

    @Override
    public FromStranger fromStranger() {
        return FromStranger.OPENS_REQUEST;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.GroupUpdate>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.GroupUpdate> r : received) {
            if (!r.inGroup()) {
                groups.change(txn, r.sender(), r.payload().change(), batch.now());
            }
        }
    }
}
