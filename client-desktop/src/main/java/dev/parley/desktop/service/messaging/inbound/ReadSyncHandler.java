package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Read-state sync (issue #17, READ_SYNC, docs/protocol.md 1.18): this account read messages of a direct conversation
 * on another of its devices, so they are marked read here too, up to the newest of them this device has, with no
 * read receipt (the device that read them sent it). Taken only from this account's own devices.
 */
final class ReadSyncHandler implements PayloadHandler<Payload.ReadSync> {
    private final Storage storage;

    ReadSyncHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.ReadSync> type() {
        return Payload.ReadSync.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.ReadSync>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<Payload.ReadSync> r : received) {
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup()) {
                continue;
            }
            String peer = r.payload().peer();
            ConversationId conversation = ConversationId.direct(peer);
            SyncedReads.markRead(storage, txn, conversation, r.payload().ids(), peer, batch.now());
        }
    }
}
