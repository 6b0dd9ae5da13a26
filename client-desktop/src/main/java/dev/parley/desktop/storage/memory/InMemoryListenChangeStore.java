package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.ListenChange;
import dev.parley.desktop.storage.ListenChangeStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

final class InMemoryListenChangeStore implements ListenChangeStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private TreeMap<Long, ListenChange> changes = new TreeMap<>();
    private long nextSeq = 1;

    InMemoryListenChangeStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    private record State(TreeMap<Long, ListenChange> changes, long nextSeq) {
    }

    @Override
    public Object snapshot() {
        return new State(new TreeMap<>(changes), nextSeq);
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        changes = state.changes();
        nextSeq = state.nextSeq();
    }

    @Override
    public void note(Transaction txn, ListenChange change) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        long seq = nextSeq++;
        changes.put(seq, new ListenChange(seq, change.messageId(), change.kind(), change.reactor(), change.emoji()));
        changes.headMap(seq - MAX_KEPT, true).clear();
    }

    @Override
    public List<ListenChange> oldest(Transaction txn, int limit) throws StorageException {
        StoreArguments.checkLimit(limit);
        InMemoryTransaction.check(txn, manager, false);
        return new ArrayList<>(changes.values()).subList(0, Math.min(limit, changes.size()));
    }

    @Override
    public void removeUpTo(Transaction txn, long seq) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        changes.headMap(seq, true).clear();
    }
}
