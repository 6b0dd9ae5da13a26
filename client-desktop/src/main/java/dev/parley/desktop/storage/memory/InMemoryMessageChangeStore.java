package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageChangeStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageVersion;
import dev.parley.desktop.storage.PendingAction;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/** Edits, tombstones and removal over the in-memory messages (whose search reads the current text). */
final class InMemoryMessageChangeStore implements MessageChangeStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private final InMemoryMessageStore messages;
    private final InMemoryReactionStore reactions;
    private final InMemoryAttachmentStore attachments;
    private HashMap<MessageId, List<MessageVersion>> versions = new HashMap<>();
    private ArrayList<PendingAction> pending = new ArrayList<>();

    InMemoryMessageChangeStore(InMemoryTransactionManager manager, InMemoryMessageStore messages,
                               InMemoryReactionStore reactions, InMemoryAttachmentStore attachments) {
        this.manager = manager;
        this.messages = messages;
        this.reactions = reactions;
        this.attachments = attachments;
        manager.register(this);
    }

    private record State(HashMap<MessageId, List<MessageVersion>> versions, ArrayList<PendingAction> pending) {
    }

    @Override
    public Object snapshot() {
        HashMap<MessageId, List<MessageVersion>> copy = new HashMap<>();
        versions.forEach((id, list) -> copy.put(id, new ArrayList<>(list)));
        return new State(copy, new ArrayList<>(pending));
    }

    @Override
    public void restore(Object snapshot) {
        State s = (State) snapshot;
        versions = s.versions();
        pending = s.pending();
    }

    @Override
    public boolean edit(Transaction txn, MessageId id, String body, Instant editedAt) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Optional<Message> found = messages.find(txn, id);
        if (found.isEmpty() || found.get().deleted()) {
            return false;
        }
        Message m = found.get();
        List<MessageVersion> all = versions.computeIfAbsent(id, k -> new ArrayList<>());
        if (all.isEmpty()) {
            all.add(new MessageVersion(m.body(), m.sentAt()));
        }
        all.add(new MessageVersion(body, editedAt));
        messages.replace(m.withContent(body, false, m.editCount() + 1));
        return true;
    }

    @Override
    public List<MessageVersion> versions(Transaction txn, MessageId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        Optional<Message> found = messages.find(txn, id);
        if (found.isEmpty()) {
            return List.of();
        }
        List<MessageVersion> all = versions.get(id);
        return all == null ? List.of(new MessageVersion(found.get().body(), found.get().sentAt())) : List.copyOf(all);
    }

    @Override
    public boolean markDeleted(Transaction txn, MessageId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Optional<Message> found = messages.find(txn, id);
        if (found.isEmpty() || found.get().deleted()) {
            return false;
        }
        Message m = found.get();
        versions.remove(id);
        reactions.removeAll(id);
        attachments.removeAll(List.of(id));
        messages.replace(m.withContent("", true, m.editCount()));
        messages.eraseQuotesOf(id);
        return true;
    }

    /** Drops the edit versions of these messages (for {@link InMemoryHistoryEraser}). */
    void forgetVersions(Collection<MessageId> ids) {
        versions.keySet().removeAll(ids);
    }

    @Override
    public int remove(Transaction txn, Collection<MessageId> ids) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        int removed = 0;
        for (MessageId id : ids) {
            if (messages.delete(id)) {
                messages.eraseQuotesOf(id);
                versions.remove(id);
                reactions.removeAll(id);
                attachments.removeAll(List.of(id));
                removed++;
            }
        }
        return removed;
    }

    @Override
    public java.util.Map<dev.parley.desktop.storage.ConversationId, List<MessageId>> removeAll(Transaction txn,
            Collection<MessageId> ids) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        java.util.Map<dev.parley.desktop.storage.ConversationId, List<MessageId>> removed = new java.util.LinkedHashMap<>();
        for (MessageId id : ids) {
            Optional<Message> message = messages.find(txn, id);
            if (message.isPresent() && remove(txn, List.of(id)) == 1) {
                removed.computeIfAbsent(message.get().conversationId(), k -> new ArrayList<>()).add(id);
            }
        }
        return removed;
    }

    @Override
    public java.util.Map<dev.parley.desktop.storage.ConversationId, List<MessageId>> removeExpired(Transaction txn,
            java.time.Instant now, int limit) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        List<MessageId> expired = messages.all().stream()
                .filter(m -> m.expiresAt() != null && !m.expiresAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(Message::expiresAt)).limit(limit).map(Message::messageId).toList();
        return removeAll(txn, expired);
    }

    @Override
    public void keepPending(Transaction txn, PendingAction action) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        pending.add(action);
    }

    @Override
    public boolean hasPending(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return !pending.isEmpty();
    }

    @Override
    public List<PendingAction> takePending(Transaction txn, MessageId target) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        List<PendingAction> out = pending.stream().filter(a -> a.target().equals(target)).toList();
        pending.removeAll(out);
        return out;
    }

    @Override
    public int dropPendingReceivedBefore(Transaction txn, Instant cutoff) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        int before = pending.size();
        pending.removeIf(a -> a.receivedAt().isBefore(cutoff));
        return before - pending.size();
    }
}
