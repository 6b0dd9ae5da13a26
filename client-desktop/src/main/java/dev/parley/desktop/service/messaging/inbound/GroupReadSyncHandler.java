package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.GroupReadSync;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Read-state sync of group conversations (issue #17, GROUP_READ_SYNC 45, docs/protocol.md 1.18): this account read
 * messages of a group on another of its devices, so they are marked read here too, up to the newest of them this
 * device has, with no read receipt (the device that read them sent them). Taken only from this account's own devices.
 */
final class GroupReadSyncHandler implements PayloadHandler<GroupReadSync> {
    private final Storage storage;

    GroupReadSyncHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<GroupReadSync> type() {
        return GroupReadSync.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<GroupReadSync>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<GroupReadSync> r : received) {
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup()) {
                continue;
            }
            ConversationId conversation = ConversationId.group(r.payload().group());
            SyncedReads.markRead(storage, txn, conversation, r.payload().ids(), conversation.value(), batch.now());
        }
    }
}
