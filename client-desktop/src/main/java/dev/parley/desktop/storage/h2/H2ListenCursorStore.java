package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ListenCursorStore;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The cursor is the single row of {@code listen_cursor} (migration V15); messages are read in primary-key order. */
final class H2ListenCursorStore implements ListenCursorStore {
    private static final String INCOMING_AFTER_SQL = "SELECT " + H2MessageStore.COLUMNS + " FROM messages m "
            + "WHERE m.seq > ? AND m.direction = 'INCOMING' AND " + PendingErasures.visible("m")
            + " ORDER BY m.seq LIMIT ?";

    private final H2TransactionManager manager;

    H2ListenCursorStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public MessageCursor printedUpTo(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT printed_up_to FROM listen_cursor WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return new MessageCursor(rs.next() ? rs.getLong(1) : 0);
        } catch (SQLException e) {
            throw Sql.failure("reading the listen cursor", e);
        }
    }

    @Override
    public void advance(Transaction txn, MessageCursor printed) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO listen_cursor (id, printed_up_to) KEY (id) "
                + "VALUES (1, GREATEST(?, COALESCE((SELECT printed_up_to FROM listen_cursor WHERE id = 1), 0)))")) {
            ps.setLong(1, printed.sequence());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("advancing the listen cursor", e);
        }
    }

    @Override
    public List<Message> incomingAfter(Transaction txn, MessageCursor after, int limit) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        StoreArguments.checkLimit(limit);
        try (PreparedStatement ps = c.prepareStatement(INCOMING_AFTER_SQL)) {
            ps.setLong(1, after.sequence());
            ps.setInt(2, limit);
            List<Message> messages = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(H2MessageStore.read(rs));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw Sql.failure("reading unprinted messages", e);
        }
    }
}
