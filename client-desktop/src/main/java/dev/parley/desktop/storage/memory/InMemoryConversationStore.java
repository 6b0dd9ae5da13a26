package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.Conversation;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationKind;
import dev.parley.desktop.storage.ConversationStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.HashMap;
import java.util.Optional;

final class InMemoryConversationStore implements ConversationStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private HashMap<ConversationId, Conversation> conversations = new HashMap<>();

    InMemoryConversationStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new HashMap<>(conversations);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        conversations = (HashMap<ConversationId, Conversation>) snapshot;
    }

    @Override
    public Conversation direct(Transaction txn, String peer) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        ConversationId id = ConversationId.direct(peer);
        Conversation conversation = conversations.computeIfAbsent(id, i -> new Conversation(i, ConversationKind.DIRECT));
        if (conversation.kind() != ConversationKind.DIRECT) {
            throw new StorageException("conversation recorded with another kind");
        }
        return conversation;
    }

    @Override
    public Conversation group(Transaction txn, ConversationId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Conversation conversation = conversations.computeIfAbsent(id, i -> new Conversation(i, ConversationKind.GROUP));
        if (conversation.kind() != ConversationKind.GROUP) {
            throw new StorageException("conversation recorded with another kind");
        }
        return conversation;
    }

    /** Forgets the conversation record (for {@link InMemoryHistoryEraser}). */
    void forget(ConversationId id) {
        conversations.remove(id);
    }

    @Override
    public Optional<Conversation> find(Transaction txn, ConversationId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(conversations.get(id));
    }
}
