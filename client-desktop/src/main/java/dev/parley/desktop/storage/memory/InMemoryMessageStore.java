package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.SearchTokenizer;
import dev.parley.desktop.storage.StateUpdate;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

final class InMemoryMessageStore implements MessageStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private TreeMap<Long, Message> bySequence = new TreeMap<>();
    private Map<MessageId, Long> sequenceById = new HashMap<>();
    private long nextSequence = 1;

    InMemoryMessageStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    private record State(TreeMap<Long, Message> bySequence, Map<MessageId, Long> sequenceById, long nextSequence) {
    }

    @Override
    public Object snapshot() {
        return new State(new TreeMap<>(bySequence), new HashMap<>(sequenceById), nextSequence);
    }

    @Override
    public void restore(Object snapshot) {
        State s = (State) snapshot;
        bySequence = s.bySequence();
        sequenceById = s.sequenceById();
        nextSequence = s.nextSequence();
    }

    @Override
    public boolean insertIfAbsent(Transaction txn, NewMessage m) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        if (sequenceById.containsKey(m.messageId())) {
            return false;
        }
        long seq = nextSequence++;
        bySequence.put(seq, new Message(new MessageCursor(seq), m.messageId(), m.conversationId(), m.direction(),
                m.sender(), m.sentAt(), m.receivedAt(), m.body(), m.state(), null, false, 0, m.quote(), m.kind(), null));
        sequenceById.put(m.messageId(), seq);
        return true;
    }

    @Override
    public List<Message> insertAllIfAbsent(Transaction txn, List<NewMessage> messages) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        List<Message> stored = new ArrayList<>();
        for (NewMessage m : messages) {
            if (insertIfAbsent(txn, m)) {
                stored.add(bySequence.get(sequenceById.get(m.messageId())));
            }
        }
        return stored;
    }

    /** Removes every message of the conversation (for {@link InMemoryHistoryEraser}); returns their ids. */
    List<MessageId> removeConversation(ConversationId conversation) {
        List<MessageId> removed = new ArrayList<>();
        bySequence.values().removeIf(m -> {
            if (m.conversationId().equals(conversation)) {
                removed.add(m.messageId());
                return true;
            }
            return false;
        });
        removed.forEach(sequenceById::remove);
        return removed;
    }

    @Override
    public Optional<Message> find(Transaction txn, MessageId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        Long seq = sequenceById.get(id);
        return seq == null ? Optional.empty() : Optional.of(bySequence.get(seq));
    }

    @Override
    public StateUpdate updateState(Transaction txn, MessageId id, MessageState state, String failureReason)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        StoreArguments.checkFailureReason(state, failureReason);
        Long seq = sequenceById.get(id);
        if (seq == null) {
            return StateUpdate.NOT_FOUND;
        }
        Message m = bySequence.get(seq);
        if (!m.state().canMoveTo(state)) {
            return StateUpdate.IGNORED;
        }
        bySequence.put(seq, withState(m, state, failureReason));
        return StateUpdate.APPLIED;
    }

    private static Message withState(Message m, MessageState state, String reason) {
        return m.withState(state, reason);
    }

    /** For {@link InMemoryMessageChangeStore}: erases the snippet every reply copied from {@code original}. */
    void eraseQuotesOf(MessageId original) {
        for (Message m : new ArrayList<>(bySequence.values())) {
            if (m.quote() != null && m.quote().target().equals(original) && m.quote().snippet() != null) {
                bySequence.put(m.cursor().sequence(), m.withQuote(
                        new dev.parley.desktop.storage.Quote(original, m.quote().author(), null)));
            }
        }
    }

    /** For {@link InMemoryDisappearingStore}: every stored message, in storage order. */
    List<Message> all() {
        return new ArrayList<>(bySequence.values());
    }

    /** For {@link InMemoryMessageChangeStore}: replaces a stored message (same id and sequence). */
    void replace(Message changed) {
        bySequence.put(sequenceById.get(changed.messageId()), changed);
    }

    /** For {@link InMemoryMessageChangeStore}: removes a stored message; true if it was there. */
    boolean delete(MessageId id) {
        Long seq = sequenceById.remove(id);
        return seq != null && bySequence.remove(seq) != null;
    }

    @Override
    public List<MessageId> markReadUpTo(Transaction txn, ConversationId conversation, MessageCursor upTo, int limit)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        StoreArguments.checkLimit(limit);
        List<MessageId> changed = new ArrayList<>();
        for (Message m : new ArrayList<>(bySequence.headMap(upTo.sequence(), true).values())) {
            if (changed.size() == limit) {
                break;
            }
            if (m.conversationId().equals(conversation) && m.isUnread()) {
                bySequence.put(m.cursor().sequence(), withState(m, MessageState.READ, null));
                changed.add(m.messageId());
            }
        }
        return changed;
    }

    @Override
    public MessagePage page(Transaction txn, ConversationId conversation, Optional<MessageCursor> before, int limit)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        StoreArguments.checkLimit(limit);
        long bound = before.map(MessageCursor::sequence).orElse(Long.MAX_VALUE);
        List<Message> page = new ArrayList<>();
        boolean more = false;
        for (Message m : bySequence.headMap(bound, false).descendingMap().values()) {
            if (!m.conversationId().equals(conversation)) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(m);
        }
        Optional<MessageCursor> next = more ? Optional.of(page.get(page.size() - 1).cursor()) : Optional.empty();
        return new MessagePage(page, next);
    }

    @Override
    public List<Message> pageAfter(Transaction txn, ConversationId conversation, MessageCursor after, int limit)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        StoreArguments.checkLimit(limit);
        List<Message> page = new ArrayList<>();
        for (Message m : bySequence.tailMap(after.sequence(), false).values()) {
            if (page.size() == limit) {
                break;
            }
            if (m.conversationId().equals(conversation)) {
                page.add(m);
            }
        }
        return page;
    }

    /** For {@link InMemoryListenCursorStore}: incoming messages stored after {@code sequence}, oldest first. */
    List<Message> incomingAfter(long sequence, int limit) {
        return bySequence.tailMap(sequence, false).values().stream()
                .filter(m -> m.direction() == dev.parley.desktop.storage.Direction.INCOMING).limit(limit).toList();
    }

    @Override
    public int unreadCount(Transaction txn, ConversationId conversation) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return (int) bySequence.values().stream()
                .filter(m -> m.conversationId().equals(conversation) && m.isUnread()).count();
    }

    @Override
    public List<ConversationSummary> conversations(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        Map<ConversationId, Message> last = new LinkedHashMap<>();
        Map<ConversationId, Integer> unread = new HashMap<>();
        for (Message m : bySequence.values()) {
            last.put(m.conversationId(), m);
            if (m.isUnread()) {
                unread.merge(m.conversationId(), 1, Integer::sum);
            }
        }
        List<ConversationSummary> out = new ArrayList<>();
        last.forEach((c, m) -> out.add(new ConversationSummary(c, m, unread.getOrDefault(c, 0))));
        out.sort(Comparator.comparingLong((ConversationSummary s) -> s.lastMessage().cursor().sequence()).reversed());
        return out;
    }

    @Override
    public List<Message> search(Transaction txn, String query, Optional<ConversationId> within, int limit)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        StoreArguments.checkLimit(limit);
        Set<String> wanted = SearchTokenizer.tokens(query);
        List<Message> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            return out;
        }
        for (Message m : bySequence.descendingMap().values()) {
            if (out.size() == limit) {
                break;
            }
            if (within.map(c -> c.equals(m.conversationId())).orElse(true) && !m.isSystem()
                    && SearchTokenizer.tokens(m.body()).containsAll(wanted)) {
                out.add(m);
            }
        }
        return out;
    }
}
