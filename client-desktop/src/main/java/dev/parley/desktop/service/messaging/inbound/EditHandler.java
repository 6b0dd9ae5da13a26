package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.PendingAction;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.List;

/**
 * Edits: the sender replaces the text of their own message, under the rules of {@link IncomingChanges}; an edit that
 * breaks them is ignored and its envelope still acknowledged. No receipt is owed for an edit.
 */
final class EditHandler implements PayloadHandler<Payload.Edit> {
    private final IncomingChanges changes;

    EditHandler(IncomingChanges changes) {
        this.changes = changes;
    }

    @Override
    public Class<Payload.Edit> type() {
        return Payload.Edit.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Edit>> received, ReceivedBatch batch) throws StorageException {
        for (Received<Payload.Edit> r : received) {
            Payload.Edit edit = r.payload();
            String text = edit.text().length() > NewMessage.MAX_BODY_CHARS
                    ? edit.text().substring(0, NewMessage.MAX_BODY_CHARS) : edit.text();
            changes.receive(txn, new PendingAction(new MessageId(edit.target().hex()), r.sender(),
                    PendingAction.Kind.EDIT, text, Instant.ofEpochMilli(edit.editedAtMillis()), batch.now()));
        }
    }
}
