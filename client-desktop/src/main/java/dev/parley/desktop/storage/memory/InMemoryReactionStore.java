package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.ReactionStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class InMemoryReactionStore implements ReactionStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private final InMemoryMessageStore messages;
    private HashMap<MessageId, LinkedHashMap<String, Reaction>> reactions = new HashMap<>();

    InMemoryReactionStore(InMemoryTransactionManager manager, InMemoryMessageStore messages) {
        this.manager = manager;
        this.messages = messages;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        HashMap<MessageId, LinkedHashMap<String, Reaction>> copy = new HashMap<>();
        reactions.forEach((id, byReactor) -> copy.put(id, new LinkedHashMap<>(byReactor)));
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        reactions = (HashMap<MessageId, LinkedHashMap<String, Reaction>>) snapshot;
    }

    @Override
    public void put(Transaction txn, Reaction reaction) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (messages.find(txn, reaction.messageId()).isEmpty()) {
            throw new IllegalArgumentException("a reaction needs its message to be stored");
        }
        Map<String, Reaction> byReactor = reactions.computeIfAbsent(reaction.messageId(), id -> new LinkedHashMap<>());
        byReactor.remove(reaction.reactor());
        byReactor.put(reaction.reactor(), reaction);
    }

    @Override
    public boolean remove(Transaction txn, MessageId messageId, String reactor) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Map<String, Reaction> byReactor = reactions.get(messageId);
        return byReactor != null && byReactor.remove(reactor) != null;
    }

    /** For {@link InMemoryMessageChangeStore}: removes every reaction to a message. */
    void removeAll(MessageId messageId) {
        reactions.remove(messageId);
    }

    /** Removes every reaction to these messages (for {@link InMemoryHistoryEraser}). */
    void removeAll(java.util.Collection<MessageId> messageIds) {
        messageIds.forEach(reactions::remove);
    }

    @Override
    public List<Reaction> of(Transaction txn, MessageId messageId) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        List<Reaction> out = new ArrayList<>(reactions.getOrDefault(messageId, new LinkedHashMap<>()).values());
        out.sort(java.util.Comparator.comparing(Reaction::reactedAt));
        return out;
    }

    @Override
    public java.util.Map<MessageId, List<Reaction>> ofAll(Transaction txn, java.util.Collection<MessageId> messageIds)
            throws StorageException {
        if (messageIds.size() > dev.parley.desktop.storage.MessageStore.MAX_LIMIT) {
            throw new IllegalArgumentException("at most " + dev.parley.desktop.storage.MessageStore.MAX_LIMIT + " messages");
        }
        java.util.Map<MessageId, List<Reaction>> out = new java.util.LinkedHashMap<>();
        for (MessageId id : messageIds) {
            List<Reaction> of = of(txn, id);
            if (!of.isEmpty()) {
                out.put(id, of);
            }
        }
        return out;
    }
}
