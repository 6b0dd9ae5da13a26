package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.PendingReceiptStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

final class InMemoryPendingReceiptStore implements PendingReceiptStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private TreeMap<Long, PendingReceipts> entries = new TreeMap<>();
    private long nextId = 1;

    private record State(TreeMap<Long, PendingReceipts> entries, long nextId) {
    }

    InMemoryPendingReceiptStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new State(new TreeMap<>(entries), nextId);
    }

    @Override
    public void restore(Object snapshot) {
        State s = (State) snapshot;
        entries = s.entries();
        nextId = s.nextId();
    }

    @Override
    public void add(Transaction txn, String recipient, List<MessageId> messageIds) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (!messageIds.isEmpty()) {
            long id = nextId++;
            entries.put(id, new PendingReceipts(id, recipient, messageIds));
        }
    }

    @Override
    public List<PendingReceipts> all(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return new ArrayList<>(entries.values());
    }

    @Override
    public void remove(Transaction txn, Collection<Long> ids) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        ids.forEach(entries::remove);
    }
}
