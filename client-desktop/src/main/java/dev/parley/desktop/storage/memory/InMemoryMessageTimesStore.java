package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.MessageTimes;
import dev.parley.desktop.storage.MessageTimesStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Times by message id; a message the message store no longer has has none (they go with their message). */
final class InMemoryMessageTimesStore implements MessageTimesStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private final MessageStore messages;
    private Map<MessageId, MessageTimes> times = new HashMap<>();

    InMemoryMessageTimesStore(InMemoryTransactionManager manager, MessageStore messages) {
        this.manager = manager;
        this.messages = messages;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new HashMap<>(times);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        times = (Map<MessageId, MessageTimes>) snapshot;
    }

    @Override
    public void record(Transaction txn, List<MessageId> ids, MessageState step, Instant at) throws StorageException {
        MessageTimesStore.checkStep(step);
        InMemoryTransaction.check(txn, manager, true);
        for (MessageId id : ids) {
            if (messages.find(txn, id).isEmpty()) {
                continue;
            }
            MessageTimes t = times.getOrDefault(id, MessageTimes.NONE);
            times.put(id, switch (step) {
                case SENT -> new MessageTimes(first(t.relayAcceptedAt(), at), t.deliveredAt(), t.readAt());
                case DELIVERED -> new MessageTimes(t.relayAcceptedAt(), first(t.deliveredAt(), at), t.readAt());
                default -> new MessageTimes(t.relayAcceptedAt(), t.deliveredAt(), first(t.readAt(), at));
            });
        }
    }

    private static Instant first(Instant recorded, Instant at) {
        return recorded != null ? recorded : at;
    }

    @Override
    public Optional<MessageTimes> find(Transaction txn, MessageId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        if (messages.find(txn, id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(times.getOrDefault(id, MessageTimes.NONE));
    }
}
