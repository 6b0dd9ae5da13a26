package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.DisappearingStore;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Timers in {@code conversations.expire_seconds}; expiries in {@code messages.expires_at} (index messages_expiry). */
final class H2DisappearingStore implements DisappearingStore {
    private final H2TransactionManager manager;

    H2DisappearingStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public DisappearingTimer timer(Transaction txn, ConversationId conversation) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT expire_seconds FROM conversations WHERE conversation_id = ?")) {
            ps.setString(1, conversation.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? DisappearingTimer.ofSeconds(rs.getLong(1)).orElse(DisappearingTimer.OFF)
                        : DisappearingTimer.OFF;
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a conversation's timer", e);
        }
    }

    @Override
    public boolean setTimer(Transaction txn, ConversationId conversation, DisappearingTimer timer) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE conversations SET expire_seconds = ? WHERE conversation_id = ?")) {
            ps.setLong(1, timer.seconds());
            ps.setString(2, conversation.value());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("setting a conversation's timer", e);
        }
    }

    @Override
    public boolean expireAt(Transaction txn, MessageId id, Instant at) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET expires_at = ? WHERE message_id = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, id.value());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Sql.failure("setting a message's expiry", e);
        }
    }

    @Override
    public List<MessageId> expired(Transaction txn, Instant now, int limit) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        // The lower bound makes messages_expiry's scan start after its NULL entries (every message without a timer,
        // sorted first): with "expires_at <= ?" alone every sweep (once a second) walked all of them and read each
        // one's row before reaching the first expiry.
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM messages "
                + "WHERE expires_at >= ? AND expires_at <= ? ORDER BY expires_at LIMIT ?")) {
            ps.setLong(1, Long.MIN_VALUE);
            Sql.setInstant(ps, 2, now);
            ps.setInt(3, limit);
            List<MessageId> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MessageId(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("finding expired messages", e);
        }
    }
}
