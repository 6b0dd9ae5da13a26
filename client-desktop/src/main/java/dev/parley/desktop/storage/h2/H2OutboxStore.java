package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.OutboxStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class H2OutboxStore implements OutboxStore {
    private static final String COLUMNS = "message_id, recipient, blob, attempts, created_at, last_attempt_at";
    private final H2TransactionManager manager;

    H2OutboxStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public boolean enqueue(Transaction txn, MessageId messageId, String recipient, byte[] blob, Instant createdAt)
            throws StorageException {
        return enqueue(txn, messageId, recipient, blob, null, createdAt);
    }

    @Override
    public boolean enqueue(Transaction txn, MessageId messageId, String recipient, byte[] blob, byte[] payload,
                           Instant createdAt) throws StorageException {
        checkPayload(payload);
        Connection c = H2Transaction.connection(txn, manager, true);
        OutboxEntry entry = new OutboxEntry(messageId, recipient, blob, 0, createdAt, null);
        try {
            if (load(c, messageId, recipient).isPresent()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (message_id, recipient, blob, "
                    + "attempts, created_at, last_attempt_at, payload) VALUES (?, ?, ?, 0, ?, NULL, ?)")) {
                ps.setString(1, entry.messageId().value());
                ps.setString(2, entry.recipient());
                ps.setBytes(3, entry.blob());
                Sql.setInstant(ps, 4, entry.createdAt());
                ps.setBytes(5, payload);
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failure("queueing an outgoing blob", e);
        }
    }

    /**
     * One query for the recipients already queued and one batched insert (a 1,000-member group message's 999 entries
     * were a lookup and an insert each).
     */
    @Override
    public int enqueueAll(Transaction txn, MessageId messageId, List<String> recipients, List<byte[]> blobs,
                          Instant createdAt) throws StorageException {
        if (recipients.size() != blobs.size()) {
            throw new IllegalArgumentException("one blob per recipient");
        }
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            java.util.Set<String> queued = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT recipient FROM outbox WHERE message_id = ?")) {
                ps.setString(1, messageId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        queued.add(rs.getString(1));
                    }
                }
            }
            int count = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (message_id, recipient, blob, "
                    + "attempts, created_at, last_attempt_at, payload) VALUES (?, ?, ?, 0, ?, NULL, NULL)")) {
                for (int i = 0; i < recipients.size(); i++) {
                    OutboxEntry entry = new OutboxEntry(messageId, recipients.get(i), blobs.get(i), 0, createdAt, null);
                    if (!queued.add(entry.recipient())) {
                        continue;
                    }
                    ps.setString(1, entry.messageId().value());
                    ps.setString(2, entry.recipient());
                    ps.setBytes(3, entry.blob());
                    Sql.setInstant(ps, 4, entry.createdAt());
                    ps.addBatch();
                    count++;
                }
                if (count > 0) {
                    ps.executeBatch();
                }
            }
            return count;
        } catch (SQLException e) {
            throw Sql.failure("queueing outgoing blobs", e);
        }
    }

    @Override
    public List<OutboxEntry> pending(Transaction txn, int limit) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        StoreArguments.checkLimit(limit);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM outbox ORDER BY created_at, queue_seq LIMIT ?")) {
            ps.setInt(1, limit);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading the outbox", e);
        }
    }

    @Override
    public Optional<byte[]> payload(Transaction txn, MessageId messageId, String recipient) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM outbox WHERE message_id = ? AND recipient = ?")) {
            ps.setString(1, messageId.value());
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading the outbox", e);
        }
    }

    @Override
    public List<OutboxEntry> forMessage(Transaction txn, MessageId messageId) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM outbox WHERE message_id = ? ORDER BY created_at, queue_seq")) {
            ps.setString(1, messageId.value());
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading the outbox", e);
        }
    }

    static void checkPayload(byte[] payload) {
        if (payload != null && (payload.length == 0 || payload.length > OutboxEntry.MAX_BLOB_BYTES)) {
            throw new IllegalArgumentException("outbox payload must be 1 to " + OutboxEntry.MAX_BLOB_BYTES + " bytes");
        }
    }

    @Override
    public Optional<OutboxEntry> find(Transaction txn, MessageId messageId, String recipient)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try {
            return load(c, messageId, recipient);
        } catch (SQLException e) {
            throw Sql.failure("reading the outbox", e);
        }
    }

    @Override
    public boolean recordAttempt(Transaction txn, MessageId messageId, String recipient, Instant at)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, "
                + "last_attempt_at = ? WHERE message_id = ? AND recipient = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, messageId.value());
            ps.setString(3, recipient);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("recording a send attempt", e);
        }
    }

    @Override
    public boolean acknowledge(Transaction txn, MessageId messageId, String recipient) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE message_id = ? AND recipient = ?")) {
            ps.setString(1, messageId.value());
            ps.setString(2, recipient);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("acknowledging an outgoing blob", e);
        }
    }

    @Override
    public int size(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw Sql.failure("counting the outbox", e);
        }
    }

    private static Optional<OutboxEntry> load(Connection c, MessageId messageId, String recipient)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM outbox WHERE message_id = ? AND recipient = ?")) {
            ps.setString(1, messageId.value());
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static OutboxEntry read(ResultSet rs) throws SQLException {
        return new OutboxEntry(new MessageId(rs.getString("message_id")), rs.getString("recipient"),
                rs.getBytes("blob"), rs.getInt("attempts"), Sql.getInstant(rs, "created_at"),
                Sql.getInstant(rs, "last_attempt_at"));
    }
}
