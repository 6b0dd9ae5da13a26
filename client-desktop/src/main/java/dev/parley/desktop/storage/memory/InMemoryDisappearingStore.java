package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationStore;
import dev.parley.desktop.storage.DisappearingStore;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

final class InMemoryDisappearingStore implements DisappearingStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private final InMemoryMessageStore messages;
    private final ConversationStore conversations;
    private HashMap<ConversationId, DisappearingTimer> timers = new HashMap<>();

    InMemoryDisappearingStore(InMemoryTransactionManager manager, InMemoryMessageStore messages,
                              ConversationStore conversations) {
        this.manager = manager;
        this.messages = messages;
        this.conversations = conversations;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new HashMap<>(timers);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        timers = (HashMap<ConversationId, DisappearingTimer>) snapshot;
    }

    @Override
    public DisappearingTimer timer(Transaction txn, ConversationId conversation) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return timers.getOrDefault(conversation, DisappearingTimer.OFF);
    }

    @Override
    public boolean setTimer(Transaction txn, ConversationId conversation, DisappearingTimer timer) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (conversations.find(txn, conversation).isEmpty()) {
            return false;
        }
        timers.put(conversation, timer);
        return true;
    }

    @Override
    public boolean expireAt(Transaction txn, MessageId id, Instant at) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Optional<Message> found = messages.find(txn, id);
        found.ifPresent(m -> messages.replace(m.withExpiry(at)));
        return found.isPresent();
    }

    @Override
    public List<MessageId> expired(Transaction txn, Instant now, int limit) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return messages.all().stream().filter(m -> m.expiresAt() != null && !m.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Message::expiresAt)).limit(limit).map(Message::messageId).toList();
    }
}
