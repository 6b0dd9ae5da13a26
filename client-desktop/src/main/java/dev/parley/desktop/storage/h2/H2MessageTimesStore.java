package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageTimes;
import dev.parley.desktop.storage.MessageTimesStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The times in three columns of {@code messages} (V46), so they go wherever their message goes. */
final class H2MessageTimesStore implements MessageTimesStore {
    private final H2TransactionManager manager;

    H2MessageTimesStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    private static String column(MessageState step) {
        MessageTimesStore.checkStep(step);
        return switch (step) {
            case SENT -> "relay_accepted_at";
            case DELIVERED -> "delivered_at";
            default -> "read_at";
        };
    }

    @Override
    public void record(Transaction txn, List<MessageId> ids, MessageState step, Instant at) throws StorageException {
        String column = column(step);
        Connection c = H2Transaction.connection(txn, manager, true);
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE messages SET " + column + " = ? WHERE message_id = ? AND " + column + " IS NULL")) {
            for (MessageId id : ids) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, id.value());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("recording message times", e);
        }
    }

    @Override
    public Optional<MessageTimes> find(Transaction txn, MessageId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT relay_accepted_at, delivered_at, read_at FROM messages WHERE message_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MessageTimes(Sql.getInstant(rs, "relay_accepted_at"),
                        Sql.getInstant(rs, "delivered_at"), Sql.getInstant(rs, "read_at")));
            }
        } catch (SQLException e) {
            throw Sql.failure("reading message times", e);
        }
    }
}
