package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.GroupSync;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * A group as another device of this account holds it (issue #17, GROUP_SYNC 46, docs/protocol.md 1.18), sent to a
 * device right after it was linked ({@link GroupReceiver#synced}). Taken only from this account's own devices: the same
 * payload from anyone else is ignored. Applied in arrival order, before the sender keys that follow it.
 */
final class GroupSyncHandler implements PayloadHandler<GroupSync> {
    private final Storage storage;
    private final GroupReceiver groups;

    GroupSyncHandler(Storage storage, GroupReceiver groups) {
        this.storage = storage;
        this.groups = groups;
    }

    @Override
    public Class<GroupSync> type() {
        return GroupSync.class;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<GroupSync>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<GroupSync> r : received) {
            if (own.isPresent() && own.get().equals(r.sender()) && !r.inGroup()) {
                groups.synced(txn, r.payload());
            }
        }
    }
}
