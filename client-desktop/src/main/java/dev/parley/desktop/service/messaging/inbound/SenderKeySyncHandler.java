package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.SenderKeySync;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * A member's sender key as another device of this account holds it (issue #17, SENDER_KEY_SYNC 47, docs/protocol.md
 * 1.18), sent to a device right after it was linked ({@link GroupReceiver#syncedSenderKey}). Taken only from this
 * account's own devices: the same payload from anyone else is ignored. Applied in arrival order, after the group sync
 * before it and before the group messages after it.
 */
final class SenderKeySyncHandler implements PayloadHandler<SenderKeySync> {
    private final Storage storage;
    private final GroupReceiver groups;

    private final HeldGroupMessages held;

    SenderKeySyncHandler(Storage storage, GroupReceiver groups, HeldGroupMessages held) {
        this.storage = storage;
        this.groups = groups;
        this.held = held;
    }

    @Override
    public Class<SenderKeySync> type() {
        return SenderKeySync.class;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<SenderKeySync>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<SenderKeySync> r : received) {
            if (own.isPresent() && own.get().equals(r.sender()) && !r.inGroup()) {
                groups.syncedSenderKey(txn, r.payload());
                // a member's message that overtook this key waited for it (issue #17)
                held.release(txn, java.util.List.of(r.payload().distribution().groupId()), r, batch);
            }
        }
    }
}
