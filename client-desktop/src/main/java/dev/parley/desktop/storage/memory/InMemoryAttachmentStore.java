package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.AttachmentStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingUpload;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

final class InMemoryAttachmentStore implements AttachmentStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private HashMap<MessageId, Attachment> attachments = new HashMap<>();
    private HashMap<List<String>, PendingUpload> uploads = new HashMap<>();

    InMemoryAttachmentStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return List.of(new HashMap<>(attachments), new HashMap<>(uploads));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        List<Object> both = (List<Object>) snapshot;
        attachments = (HashMap<MessageId, Attachment>) both.get(0);
        uploads = (HashMap<List<String>, PendingUpload>) both.get(1);
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

    @Override
    public void putPendingUpload(Transaction txn, PendingUpload upload) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        uploads.put(List.of(upload.contact(), upload.source()), upload);
    }

    @Override
    public Optional<PendingUpload> pendingUpload(Transaction txn, String contact, String source) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(uploads.get(List.of(contact, source)));
    }

    @Override
    public void removePendingUpload(Transaction txn, String contact, String source) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        uploads.remove(List.of(contact, source));
    }

    @Override
    public void removePendingUploads(Transaction txn, String contact) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        uploads.values().removeIf(upload -> upload.contact().equals(contact));
    }

    @Override
    public java.util.Set<String> uploadsAmong(Transaction txn, java.util.Collection<String> ids)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        dev.parley.desktop.storage.StoreArguments.checkIds(ids);
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (PendingUpload upload : uploads.values()) {
            String id = java.util.HexFormat.of().formatHex(upload.attachmentId());
            if (ids.contains(id)) {
                kept.add(id);
            }
        }
        return kept;
    }

    /** Removes the rows of these messages (for {@link InMemoryHistoryEraser}). */
    void removeAll(java.util.Collection<MessageId> messageIds) {
        attachments.keySet().removeAll(messageIds);
    }

    @Override
    public java.util.Set<String> attachmentsAmong(Transaction txn, java.util.Collection<String> ids)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        dev.parley.desktop.storage.StoreArguments.checkIds(ids);
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (Attachment a : attachments.values()) {
            if (ids.contains(a.pointer().idHex())) {
                kept.add(a.pointer().idHex());
            }
        }
        return kept;
    }
}
