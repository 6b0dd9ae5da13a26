package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.service.messaging.AttachmentBodies;
import dev.parley.desktop.service.messaging.Receipts;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files (docs/protocol.md 1.11): each pointer becomes a message in the direct conversation with the sender, or in its
 * group's conversation when it came inside a group message (its body names the file and carries the caption, so
 * history and search show it), and an attachment row in state {@code AVAILABLE}; nothing is downloaded here. Delivery
 * receipts are owed (to the sender, pairwise) as for text. The file name was sanitised when the payload was decoded.
 */
final class AttachmentHandler implements PayloadHandler<Payload.Attachment> {
    private final Storage storage;
    private final Receipts receipts;
    private final IncomingChanges changes;
    private final ArchivedConversations archived;

    AttachmentHandler(Storage storage, Receipts receipts, IncomingChanges changes) {
        this.storage = storage;
        this.receipts = receipts;
        this.changes = changes;
        this.archived = new ArchivedConversations(storage);
    }

    @Override
    public Class<Payload.Attachment> type() {
        return Payload.Attachment.class;
    }

    @Override
    public FromStranger fromStranger() {
        return FromStranger.OPENS_REQUEST;
    }

    @Override
    public Optional<MessageId> storedMessage(Payload.Attachment payload) {
        return Optional.of(idOf(payload));
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Attachment>> received, ReceivedBatch batch)
            throws StorageException {
        Map<String, List<MessageId>> owed = new LinkedHashMap<>();
        int owedCount = 0;
        for (Received<Payload.Attachment> r : received) {
            Payload.Attachment payload = r.payload();
            ConversationId conversation = r.inGroup() ? r.group() : storage.conversations().direct(txn, r.sender()).id();
            MessageId id = idOf(payload);
            NewMessage message = NewMessage.incoming(id, conversation, r.sender(),
                    Instant.ofEpochMilli(payload.sentAtMillis()), batch.now(), AttachmentBodies.body(payload));
            List<Message> stored = storage.messages().insertAllIfAbsent(txn, List.of(message));
            if (stored.isEmpty()) {
                batch.outcome(r.index(), Outcome.DUPLICATE);
                continue;
            }
            storage.attachments().insertIfAbsent(txn, new Attachment(id, payload.pointer(), AttachmentState.AVAILABLE));
            txn.attach(new MessageReceivedEvent(stored.get(0)));
            // A delete (or edit) of this message that arrived before it applies now.
            changes.arrived(txn, stored, batch.now());
            archived.received(txn, stored);
            owed.computeIfAbsent(r.sender(), s -> new ArrayList<>()).add(id);
            owedCount++;
        }
        for (Map.Entry<String, List<MessageId>> receipt : owed.entrySet()) {
            storage.pendingReceipts().add(txn, receipt.getKey(), receipt.getValue());
        }
        int count = owedCount;
        batch.afterCommit(() -> receipts.owed(count));
    }

    private static MessageId idOf(Payload.Attachment payload) {
        return new MessageId(payload.id().hex());
    }
}
