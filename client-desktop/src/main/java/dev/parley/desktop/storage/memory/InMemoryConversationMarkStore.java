package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationMarkStore;
import dev.parley.desktop.storage.ConversationMarks;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

final class InMemoryConversationMarkStore implements ConversationMarkStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private final InMemoryConversationStore conversations;
    private TreeMap<String, ConversationMarks> marks = new TreeMap<>();

    InMemoryConversationMarkStore(InMemoryTransactionManager manager, InMemoryConversationStore conversations) {
        this.manager = manager;
        this.conversations = conversations;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new TreeMap<>(marks);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        marks = (TreeMap<String, ConversationMarks>) snapshot;
    }

    @Override
    public boolean setMuted(Transaction txn, ConversationId id, boolean muted) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (conversations.find(txn, id).isEmpty()) {
            return false;
        }
        put(id, new ConversationMarks(muted, current(id).archived()));
        return true;
    }

    @Override
    public boolean setArchived(Transaction txn, ConversationId id, boolean archived) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (conversations.find(txn, id).isEmpty()) {
            return false;
        }
        put(id, new ConversationMarks(current(id).muted(), archived));
        return true;
    }

    private ConversationMarks current(ConversationId id) {
        return marks.getOrDefault(id.value(), ConversationMarks.NONE);
    }

    private void put(ConversationId id, ConversationMarks value) {
        if (value.equals(ConversationMarks.NONE)) {
            marks.remove(id.value());
        } else {
            marks.put(id.value(), value);
        }
    }

    @Override
    public ConversationMarks marks(Transaction txn, ConversationId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return current(id);
    }

    @Override
    public Map<ConversationId, ConversationMarks> marked(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        Map<ConversationId, ConversationMarks> out = new LinkedHashMap<>();
        marks.forEach((id, m) -> out.put(new ConversationId(id), m));
        return out;
    }

    /** Forgets the marks of an erased conversation (for {@link InMemoryHistoryEraser}). */
    void forget(ConversationId id) {
        marks.remove(id.value());
    }
}
