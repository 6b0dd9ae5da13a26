package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.BlockedStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

final class InMemoryBlockedStore implements BlockedStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private TreeMap<String, Instant> blocked = new TreeMap<>();

    InMemoryBlockedStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new TreeMap<>(blocked);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        blocked = (TreeMap<String, Instant>) snapshot;
    }

    @Override
    public boolean block(Transaction txn, String username, Instant at) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return blocked.putIfAbsent(username, at) == null;
    }

    @Override
    public boolean unblock(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return blocked.remove(username) != null;
    }

    @Override
    public boolean isBlocked(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return blocked.containsKey(username);
    }

    @Override
    public List<String> list(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return new ArrayList<>(blocked.keySet());
    }
}
