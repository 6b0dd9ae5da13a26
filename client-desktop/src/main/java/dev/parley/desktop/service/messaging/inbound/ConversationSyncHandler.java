package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.ConversationMarksChangedEvent;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Conversation sync (issue #17, CONVERSATION_SYNC, docs/protocol.md 1.18): this account muted or archived a
 * conversation on another of its devices, so this device sets the same marks: on a contact's conversation, or on a
 * group's conversation this device has, and posts {@link ConversationMarksChangedEvent} as a change made here does.
 * Taken only from this account's own devices.
 */
final class ConversationSyncHandler implements PayloadHandler<Payload.ConversationSync> {
    private final Storage storage;

    ConversationSyncHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.ConversationSync> type() {
        return Payload.ConversationSync.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.ConversationSync>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<Payload.ConversationSync> r : received) {
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup()) {
                continue;
            }
            Payload.ConversationSync sync = r.payload();
            ConversationId id;
            if (sync.group() != null) {
                id = ConversationId.group(sync.group());
                if (storage.conversations().find(txn, id).isEmpty()) {
                    continue;
                }
            } else if (storage.contacts().find(txn, sync.peer()).isPresent()) {
                id = storage.conversations().direct(txn, sync.peer()).id();
            } else {
                continue;
            }
            storage.conversationMarks().setMuted(txn, id, sync.muted());
            storage.conversationMarks().setArchived(txn, id, sync.archived());
            // the same event a change made on this device posts, so the conversation list shows it at once
            txn.attach(new ConversationMarksChangedEvent(id.value(), sync.muted(), sync.archived()));
        }
    }
}
