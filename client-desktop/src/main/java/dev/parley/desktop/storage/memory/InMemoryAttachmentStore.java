package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.AttachmentStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

final class InMemoryAttachmentStore implements AttachmentStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private HashMap<MessageId, Attachment> attachments = new HashMap<>();

    InMemoryAttachmentStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new HashMap<>(attachments);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        attachments = (HashMap<MessageId, Attachment>) snapshot;
    }

    @Override
    public boolean insertIfAbsent(Transaction txn, Attachment attachment) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return attachments.putIfAbsent(attachment.messageId(), attachment) == null;
    }

    @Override
    public Optional<Attachment> find(Transaction txn, MessageId messageId) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(attachments.get(messageId));
    }

    @Override
    public List<Attachment> of(Transaction txn, List<MessageId> messageIds) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        List<Attachment> out = new ArrayList<>();
        for (MessageId id : messageIds) {
            Attachment a = attachments.get(id);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public boolean updateState(Transaction txn, MessageId messageId, AttachmentState state) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Attachment a = attachments.get(messageId);
        if (a == null) {
            return false;
        }
        attachments.put(messageId, a.withState(state));
        return true;
    }

    /** Removes the rows of these messages (for {@link InMemoryHistoryEraser}). */
    void removeAll(java.util.Collection<MessageId> messageIds) {
        attachments.keySet().removeAll(messageIds);
    }
}
