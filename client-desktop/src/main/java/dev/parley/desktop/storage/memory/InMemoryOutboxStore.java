package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.OutboxStore;
import dev.parley.desktop.storage.SharedParts;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox in memory. An entry queued with a shared part ({@link #enqueueShared}) is kept with its own part and
 * listed in {@code sharing}; the shared part is kept once per message id and joined back when the entry is read.
 */
final class InMemoryOutboxStore implements OutboxStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private LinkedHashMap<Key, OutboxEntry> entries = new LinkedHashMap<>();
    private LinkedHashMap<Key, byte[]> payloads = new LinkedHashMap<>();
    private HashSet<Key> sharing = new HashSet<>();
    private HashMap<MessageId, byte[]> shared = new HashMap<>();

    private record Key(MessageId messageId, String recipient) {
    }

    InMemoryOutboxStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return List.of(new LinkedHashMap<>(entries), new LinkedHashMap<>(payloads), new HashSet<>(sharing),
                new HashMap<>(shared));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        List<Object> both = (List<Object>) snapshot;     // entries, payloads, sharing, shared
        entries = (LinkedHashMap<Key, OutboxEntry>) both.get(0);
        payloads = (LinkedHashMap<Key, byte[]>) both.get(1);
        sharing = (HashSet<Key>) both.get(2);
        shared = (HashMap<MessageId, byte[]>) both.get(3);
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
    public int enqueueShared(Transaction txn, MessageId messageId, List<String> recipients, List<byte[]> ownParts,
                             byte[] sharedPart, Instant createdAt) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        SharedParts.check(recipients, ownParts, sharedPart);
        byte[] held = shared.get(messageId);
        if (held != null && !Arrays.equals(held, sharedPart)) {
            throw new IllegalArgumentException("another shared part is queued under this message id");
        }
        List<OutboxEntry> own = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            own.add(new OutboxEntry(messageId, recipients.get(i), ownParts.get(i), 0, createdAt, null));
        }
        int count = 0;
        for (OutboxEntry entry : own) {
            Key key = new Key(messageId, entry.recipient());
            if (entries.putIfAbsent(key, entry) == null) {
                sharing.add(key);
                count++;
            }
        }
        if (count > 0 && held == null) {
            shared.put(messageId, sharedPart.clone());
        }
        return count;
    }

    @Override
    public int sharedParts(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return shared.size();
    }

    /** An entry with its whole blob (its own part and, if it uses one, the shared part). */
    private OutboxEntry whole(Key key, OutboxEntry entry) {
        if (entry == null || !sharing.contains(key)) {
            return entry;
        }
        return new OutboxEntry(entry.messageId(), entry.recipient(),
                SharedParts.join(entry.blob(), shared.get(entry.messageId())), entry.attempts(), entry.createdAt(),
                entry.lastAttemptAt());
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
        for (Map.Entry<Key, OutboxEntry> e : entries.entrySet()) {
            if (e.getKey().messageId().equals(messageId)) {
                out.add(whole(e.getKey(), e.getValue()));
            }
        }
        out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return out;
    }

    @Override
    public List<OutboxEntry> pending(Transaction txn, int limit) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        StoreArguments.checkLimit(limit);
        List<Map.Entry<Key, OutboxEntry>> all = new ArrayList<>(entries.entrySet());
        all.sort((a, b) -> a.getValue().createdAt().compareTo(b.getValue().createdAt()));
        List<OutboxEntry> out = new ArrayList<>();
        for (Map.Entry<Key, OutboxEntry> e : all.subList(0, Math.min(limit, all.size()))) {
            out.add(whole(e.getKey(), e.getValue()));
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<OutboxEntry> find(Transaction txn, MessageId messageId, String recipient)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        Key key = new Key(messageId, recipient);
        return Optional.ofNullable(whole(key, entries.get(key)));
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
        Key key = new Key(messageId, recipient);
        payloads.remove(key);
        if (entries.remove(key) == null) {
            return false;
        }
        if (sharing.remove(key) && sharing.stream().noneMatch(k -> k.messageId().equals(messageId))) {
            shared.remove(messageId);
        }
        return true;
    }

    @Override
    public int size(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return entries.size();
    }
}
