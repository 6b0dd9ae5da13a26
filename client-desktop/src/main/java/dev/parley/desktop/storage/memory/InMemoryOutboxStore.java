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
    private LinkedHashMap<Key, byte[]> payloads = new LinkedHashMap<>();

    private record Key(MessageId messageId, String recipient) {
    }

    InMemoryOutboxStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return List.of(new LinkedHashMap<>(entries), new LinkedHashMap<>(payloads));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        List<Object> both = (List<Object>) snapshot;
        entries = (LinkedHashMap<Key, OutboxEntry>) both.get(0);
        payloads = (LinkedHashMap<Key, byte[]>) both.get(1);
    }

    @Override
    public boolean enqueue(Transaction txn, MessageId messageId, String recipient, byte[] blob, Instant createdAt)
            throws StorageException {
        return enqueue(txn, messageId, recipient, blob, null, createdAt);
    }

    @Override
    public boolean enqueue(Transaction txn, MessageId messageId, String recipient, byte[] blob, byte[] payload,
                           Instant createdAt) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (payload != null && (payload.length == 0 || payload.length > OutboxEntry.MAX_BLOB_BYTES)) {
            throw new IllegalArgumentException("outbox payload must be 1 to " + OutboxEntry.MAX_BLOB_BYTES + " bytes");
        }
        OutboxEntry entry = new OutboxEntry(messageId, recipient, blob, 0, createdAt, null);
        Key key = new Key(messageId, recipient);
        if (entries.putIfAbsent(key, entry) != null) {
            return false;
        }
        if (payload != null) {
            payloads.put(key, payload.clone());
        }
        return true;
    }

    @Override
    public Optional<byte[]> payload(Transaction txn, MessageId messageId, String recipient) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(payloads.get(new Key(messageId, recipient))).map(byte[]::clone);
    }

    @Override
    public List<OutboxEntry> forMessage(Transaction txn, MessageId messageId) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxEntry e : entries.values()) {
            if (e.messageId().equals(messageId)) {
                out.add(e);
            }
        }
        out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return out;
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
        payloads.remove(new Key(messageId, recipient));
        return entries.remove(new Key(messageId, recipient)) != null;
    }

    @Override
    public int size(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return entries.size();
    }
}
