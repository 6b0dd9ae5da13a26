package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.StateUpdate;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages in H2. History pages use the index {@code (conversation_id, seq DESC)} and order by its columns, so that
 * H2 reads the index in order and stops after the limit instead of sorting every match; search is
 * {@link H2MessageSearch}'s.
 */
final class H2MessageStore implements MessageStore {
    /** Most ids asked for in one query by {@link #existingIds}. */
    private static final int EXISTING_SLICE = 500;
    static final String COLUMNS = MessageRows.COLUMNS;

    private final H2TransactionManager manager;

    H2MessageStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean insertIfAbsent(Transaction txn, NewMessage m) throws StorageException {
        return !insertAllIfAbsent(txn, List.of(m)).isEmpty();
    }

    /** The ids among {@code messages} already stored: one indexed query per slice instead of one per message (#12). */
    private static Set<String> existingIds(Connection c, List<NewMessage> messages) throws StorageException {
        Set<String> present = new HashSet<>();
        Object[] ids = messages.stream().map(m -> m.messageId().value()).toArray();
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM messages WHERE message_id = ANY(?)")) {
            for (int from = 0; from < ids.length; from += EXISTING_SLICE) {
                ps.setArray(1, c.createArrayOf("CHARACTER VARYING",
                        Arrays.copyOfRange(ids, from, Math.min(ids.length, from + EXISTING_SLICE))));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("reading stored message ids", e);
        }
        return present;
    }

    /**
     * One statement of each kind for the whole list: an existence check and an INSERT per message, the search words of
     * every message in one batch, the quote rows of its replies ({@link MessageQuotes}) in another, and one summary
     * MERGE per conversation (with its newest sequence).
     */
    @Override
    public List<Message> insertAllIfAbsent(Transaction txn, List<NewMessage> messages) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Message> stored = new ArrayList<>(messages.size());
        Map<String, Long> newestByConversation = new LinkedHashMap<>();
        Set<String> present = existingIds(c, messages);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages (message_id, conversation_id, "
                     + "direction, sender, sent_at, received_at, body, state, failure_reason, unread, "
                     + MessageRows.QUOTE_COLUMNS + ", kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            SearchWordKeys.Batch words = new SearchWordKeys.Batch();
            MessageQuotes.Batch quotes = new MessageQuotes.Batch();
            UnreadMessages.Batch unread = new UnreadMessages.Batch();
            for (NewMessage m : messages) {
                if (!present.add(m.messageId().value())) {
                    continue;       // stored before, or earlier in this list
                }
                insert.setString(1, m.messageId().value());
                insert.setString(2, m.conversationId().value());
                insert.setString(3, m.direction().name());
                insert.setString(4, m.sender());
                Sql.setInstant(insert, 5, m.sentAt());
                Sql.setInstant(insert, 6, m.receivedAt());
                insert.setString(7, m.body());
                insert.setString(8, m.state().name());
                boolean isUnread = m.direction() == Direction.INCOMING && m.state() != MessageState.READ;
                insert.setBoolean(9, isUnread);
                MessageRows.setQuote(insert, 10, m.quote());
                insert.setString(13, m.kind().name());
                insert.executeUpdate();
                long seq;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
                if (m.kind() == dev.parley.desktop.storage.MessageKind.TEXT) {
                    words.add(seq, m.body());
                }
                if (m.quote() != null) {
                    quotes.addIfSnippet(seq, m.quote().target().value(), m.quote().snippet());
                }
                if (isUnread) {
                    unread.add(m.conversationId().value(), seq);
                }
                newestByConversation.merge(m.conversationId().value(), seq, Math::max);
                stored.add(new Message(new MessageCursor(seq), m.messageId(), m.conversationId(), m.direction(),
                        m.sender(), m.sentAt(), m.receivedAt(), m.body(), m.state(), null, false, 0, m.quote(), m.kind(), null));
            }
            words.insert(c);
            quotes.insert(c);
            unread.insert(c);
        } catch (SQLException e) {
            throw Sql.failure("storing messages", e);
        }
        if (newestByConversation.isEmpty()) {
            return stored;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO conversations (conversation_id, last_seq) KEY (conversation_id) VALUES (?, ?)")) {
            for (Map.Entry<String, Long> newest : newestByConversation.entrySet()) {
                ps.setString(1, newest.getKey());
                ps.setLong(2, newest.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("updating conversation summaries", e);
        }
        return stored;
    }

    @Override
    public Optional<Message> find(Transaction txn, MessageId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM messages m WHERE m.message_id = ? AND "
                + PendingErasures.visible("m"))) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a message", e);
        }
    }

    @Override
    public StateUpdate updateState(Transaction txn, MessageId id, MessageState state, String failureReason)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        StoreArguments.checkFailureReason(state, failureReason);
        try {
            MessageState current;
            Direction direction;
            boolean wasUnread;
            long seq;
            String conversation;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, direction, unread, seq, conversation_id FROM messages WHERE message_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return StateUpdate.NOT_FOUND;
                    }
                    current = MessageState.valueOf(rs.getString(1));
                    direction = Direction.valueOf(rs.getString(2));
                    wasUnread = rs.getBoolean(3);
                    seq = rs.getLong(4);
                    conversation = rs.getString(5);
                }
            }
            if (!current.canMoveTo(state)) {
                return StateUpdate.IGNORED;
            }
            boolean unread = direction == Direction.INCOMING && state != MessageState.READ;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE messages SET state = ?, failure_reason = ?, unread = ? WHERE seq = ?")) {
                ps.setString(1, state.name());
                ps.setString(2, failureReason);
                ps.setBoolean(3, unread);
                ps.setLong(4, seq);
                ps.executeUpdate();
            }
            UnreadMessages.set(c, conversation, seq, wasUnread, unread);
            return StateUpdate.APPLIED;
        } catch (SQLException e) {
            throw Sql.failure("updating a message state", e);
        }
    }

    @Override
    public List<MessageId> markReadUpTo(Transaction txn, ConversationId conversation, MessageCursor upTo, int limit)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        StoreArguments.checkLimit(limit);
        try {
            return UnreadMessages.markReadUpTo(c, conversation, upTo.sequence(), limit);
        } catch (SQLException e) {
            throw Sql.failure("marking messages read", e);
        }
    }

    @Override
    public MessagePage page(Transaction txn, ConversationId conversation, Optional<MessageCursor> before, int limit)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        StoreArguments.checkLimit(limit);
        try (PreparedStatement ps = c.prepareStatement(PAGE_SQL)) {
            ps.setString(1, conversation.value());
            ps.setLong(2, before.map(MessageCursor::sequence).orElse(Long.MAX_VALUE));
            ps.setLong(3, PendingErasures.floor(c, conversation));
            ps.setInt(4, limit + 1);
            List<Message> messages = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(read(rs));
                }
            }
            if (messages.size() > limit) {
                messages.remove(limit);
                return new MessagePage(messages, Optional.of(messages.get(limit - 1).cursor()));
            }
            return new MessagePage(messages, Optional.empty());
        } catch (SQLException e) {
            throw Sql.failure("reading history", e);
        }
    }

    /**
     * H2 cannot read {@code messages_history (conversation_id, seq DESC)} backwards, so it sorts the matches of a
     * newer-than query. The sort is kept small by asking for a window of sequence numbers at a time, growing the
     * window fourfold while it holds too few of the conversation's messages: the rows read stay proportional to the
     * page (plus the windows that turned out sparse), not to everything newer than the cursor.
     */
    @Override
    public List<Message> pageAfter(Transaction txn, ConversationId conversation, MessageCursor after, int limit)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        StoreArguments.checkLimit(limit);
        try {
            long newest;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM messages");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                newest = rs.getLong(1);
            }
            List<Message> messages = new ArrayList<>();
            long lower = Math.max(after.sequence(), PendingErasures.floor(c, conversation));
            long window = 2L * limit;
            try (PreparedStatement ps = c.prepareStatement(PAGE_AFTER_SQL)) {
                while (messages.size() < limit && lower < newest) {
                    long upper = newest - lower <= window ? newest : lower + window;
                    ps.setString(1, conversation.value());
                    ps.setLong(2, lower);
                    ps.setLong(3, upper);
                    ps.setInt(4, limit - messages.size());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            messages.add(read(rs));
                        }
                    }
                    lower = upper;
                    window = Math.min(window * 4, Long.MAX_VALUE / 8);
                }
            }
            return messages;
        } catch (SQLException e) {
            throw Sql.failure("reading newer history", e);
        }
    }

    @Override
    public int unreadCount(Transaction txn, ConversationId conversation) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try {
            return UnreadMessages.count(c, conversation);
        } catch (SQLException e) {
            throw Sql.failure("counting unread messages", e);
        }
    }

    @Override
    public List<ConversationSummary> conversations(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try {
            Map<String, Integer> unread = UnreadMessages.counts(c);
            List<ConversationSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM conversations v "
                    + "JOIN messages m ON m.seq = v.last_seq ORDER BY v.last_seq DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Message last = read(rs);
                    out.add(new ConversationSummary(last.conversationId(), last,
                            unread.getOrDefault(last.conversationId().value(), 0)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("listing conversations", e);
        }
    }

    @Override
    public List<Message> search(Transaction txn, String query, Optional<ConversationId> within, int limit)
            throws StorageException {
        return H2MessageSearch.search(H2Transaction.connection(txn, manager, false), query, within, limit);
    }

    /** Parameters: conversation, before-sequence, erased-up-to sequence ({@link PendingErasures#floor}), limit. */
    static final String PAGE_SQL = "SELECT " + COLUMNS + " FROM messages m "
            + "WHERE m.conversation_id = ? AND m.seq < ? AND m.seq > ? ORDER BY m.conversation_id, m.seq DESC LIMIT ?";

    /** Parameters: conversation, after-sequence (exclusive), up-to-sequence (inclusive), limit. Oldest first. */
    static final String PAGE_AFTER_SQL = "SELECT " + COLUMNS + " FROM messages m "
            + "WHERE m.conversation_id = ? AND m.seq > ? AND m.seq <= ? ORDER BY m.conversation_id, m.seq LIMIT ?";

    static Message read(ResultSet rs) throws SQLException {
        return MessageRows.read(rs);
    }
}
