package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.ReactionStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class H2ReactionStore implements ReactionStore {
    private final H2TransactionManager manager;

    H2ReactionStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    /** The message's reacted mark (V89): absent if the message is not here. */
    static final String MARK_SQL = "SELECT reacted FROM messages WHERE message_id = ?";

    /**
     * Stores the reaction and sets its message's reacted mark (V89) in the same transaction, so that removing messages
     * looks for reactions only on marked ones. A reaction to a message that is not here is refused before anything is
     * written.
     */
    @Override
    public void put(Transaction txn, Reaction reaction) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            mark(c, reaction.messageId());
        } catch (SQLException e) {
            throw Sql.failure("marking a reacted message", e);
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO reactions (message_id, reactor, emoji, reacted_at) "
                + "KEY (message_id, reactor) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, reaction.messageId().value());
            ps.setString(2, reaction.reactor());
            ps.setString(3, reaction.emoji());
            ps.setLong(4, reaction.reactedAt().toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("storing a reaction", e);
        }
    }

    private static void mark(Connection c, MessageId messageId) throws SQLException {
        boolean marked;
        try (PreparedStatement ps = c.prepareStatement(MARK_SQL)) {
            ps.setString(1, messageId.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("a reaction needs its message to be stored");
                }
                marked = rs.getBoolean(1);
            }
        }
        if (!marked) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET reacted = TRUE WHERE message_id = ?")) {
                ps.setString(1, messageId.value());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public boolean remove(Transaction txn, MessageId messageId, String reactor) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM reactions WHERE message_id = ? AND reactor = ?")) {
            ps.setString(1, messageId.value());
            ps.setString(2, reactor);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("removing a reaction", e);
        }
    }

    @Override
    public List<Reaction> of(Transaction txn, MessageId messageId) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT reactor, emoji, reacted_at FROM reactions "
                + "WHERE message_id = ? ORDER BY reacted_at, reactor")) {
            ps.setString(1, messageId.value());
            List<Reaction> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reaction(messageId, rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading reactions", e);
        }
    }

    /** The reactions of a page of messages: one lookup of the primary key per id, in one statement. */
    static final String PAGE_SQL = "SELECT message_id, reactor, emoji, reacted_at FROM reactions "
            + "WHERE message_id = ANY(?) ORDER BY reacted_at, reactor";

    @Override
    public java.util.Map<MessageId, List<Reaction>> ofAll(Transaction txn, java.util.Collection<MessageId> messageIds)
            throws StorageException {
        if (messageIds.size() > dev.parley.desktop.storage.MessageStore.MAX_LIMIT) {
            throw new IllegalArgumentException("at most " + dev.parley.desktop.storage.MessageStore.MAX_LIMIT + " messages");
        }
        Connection c = H2Transaction.connection(txn, manager, false);
        java.util.Map<MessageId, List<Reaction>> out = new java.util.LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(PAGE_SQL)) {
            ps.setArray(1, c.createArrayOf("CHARACTER VARYING",
                    messageIds.stream().map(MessageId::value).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MessageId id = new MessageId(rs.getString(1));
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Reaction(id, rs.getString(2),
                            rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading reactions", e);
        }
    }
}
