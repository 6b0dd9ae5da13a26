package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.OutboxStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

final class InMemoryOutboxStore implements OutboxStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private LinkedHashMap<Key, OutboxEntry> entries = new LinkedHashMap<>();

    private record Key(MessageId messageId, String recipient) {
    }

    InMemoryOutboxStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        entries = (LinkedHashMap<Key, OutboxEntry>) snapshot;
    }

    @Override
    public boolean enqueue(Transaction txn, MessageId messageId, String recipient, byte[] blob, Instant createdAt)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        OutboxEntry entry = new OutboxEntry(messageId, recipient, blob, 0, createdAt, null);
        return entries.putIfAbsent(new Key(messageId, recipient), entry) == null;
    }

    @Override
    public List<OutboxEntry> pending(Transaction txn, int limit) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        StoreArguments.checkLimit(limit);
        List<OutboxEntry> all = new ArrayList<>(entries.values());
        all.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public Optional<OutboxEntry> find(Transaction txn, MessageId messageId, String recipient)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(entries.get(new Key(messageId, recipient)));
    }

    @Override
    public boolean recordAttempt(Transaction txn, MessageId messageId, String recipient, Instant at)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Key key = new Key(messageId, recipient);
        OutboxEntry e = entries.get(key);
        if (e == null) {
            return false;
        }
        entries.put(key, new OutboxEntry(messageId, recipient, e.blob(), e.attempts() + 1, e.createdAt(), at));
        return true;
    }

    @Override
    public boolean acknowledge(Transaction txn, MessageId messageId, String recipient) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return entries.remove(new Key(messageId, recipient)) != null;
    }

    @Override
    public int size(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return entries.size();
    }
}
