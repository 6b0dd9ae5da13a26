package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.PresenceStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class InMemoryPresenceStore implements PresenceStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private TreeMap<String, Instant> lastSeen = new TreeMap<>();

    InMemoryPresenceStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new TreeMap<>(lastSeen);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        lastSeen = (TreeMap<String, Instant>) snapshot;
    }

    @Override
    public void recordSeen(Transaction txn, String username, Instant at) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        lastSeen.merge(java.util.Objects.requireNonNull(username, "username"), Instant.ofEpochMilli(at.toEpochMilli()),
                (old, now) -> now.isAfter(old) ? now : old);
    }

    @Override
    public Optional<Instant> lastSeen(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(lastSeen.get(username));
    }

    @Override
    public Map<String, Instant> all(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return new TreeMap<>(lastSeen);
    }

    @Override
    public boolean remove(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return lastSeen.remove(username) != null;
    }
}
