package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingAction;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.List;

/**
 * Deletes for everyone: the sender's own message becomes a tombstone, under the rules of {@link IncomingChanges}; a
 * delete that breaks them is ignored and its envelope still acknowledged. No receipt is owed for a delete.
 */
final class DeleteHandler implements PayloadHandler<Payload.Delete> {
    private final IncomingChanges changes;

    DeleteHandler(IncomingChanges changes) {
        this.changes = changes;
    }

    @Override
    public Class<Payload.Delete> type() {
        return Payload.Delete.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Delete>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.Delete> r : received) {
            Payload.Delete delete = r.payload();
            changes.receive(txn, new PendingAction(new MessageId(delete.target().hex()), r.sender(),
                    PendingAction.Kind.DELETE, null, Instant.ofEpochMilli(delete.deletedAtMillis()), batch.now()));
        }
    }
}
