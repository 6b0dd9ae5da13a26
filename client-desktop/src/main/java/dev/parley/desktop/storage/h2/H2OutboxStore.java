package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.OutboxStore;
import dev.parley.desktop.storage.SharedParts;
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

/**
 * The outbox in H2. An entry queued with a shared part (issue #15, {@link #enqueueShared}) holds its own part in
 * {@code outbox.blob} and is marked {@code shared}; the shared part is one row of {@code outbox_shared} per message id,
 * joined back when an entry is read and deleted with the last entry that uses it (migration V78).
 */
final class H2OutboxStore implements OutboxStore {
    private static final String COLUMNS = "o.message_id, o.recipient, o.blob, o.attempts, o.created_at, "
            + "o.last_attempt_at, s.shared_part";
    private static final String FROM = " FROM outbox o LEFT JOIN outbox_shared s ON o.shared AND s.message_id = "
            + "o.message_id";
    private static final String DELETE_UNUSED_SHARED = "DELETE FROM outbox_shared WHERE message_id = ? AND NOT EXISTS "
            + "(SELECT 1 FROM outbox WHERE message_id = ? AND shared)";
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

    /** One query for the recipients already queued, the shared part once, and one batched insert of the own parts. */
    @Override
    public int enqueueShared(Transaction txn, MessageId messageId, List<String> recipients, List<byte[]> ownParts,
                             byte[] shared, Instant createdAt) throws StorageException {
        SharedParts.check(recipients, ownParts, shared);
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
            Optional<byte[]> held = sharedPart(c, messageId);
            if (held.isPresent() && !java.util.Arrays.equals(held.get(), shared)) {
                throw new IllegalArgumentException("another shared part is queued under this message id");
            }
            int count = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (message_id, recipient, blob, "
                    + "attempts, created_at, last_attempt_at, payload, shared) VALUES (?, ?, ?, 0, ?, NULL, NULL, TRUE)")) {
                for (int i = 0; i < recipients.size(); i++) {
                    OutboxEntry own = new OutboxEntry(messageId, recipients.get(i), ownParts.get(i), 0, createdAt, null);
                    if (!queued.add(own.recipient())) {
                        continue;
                    }
                    ps.setString(1, own.messageId().value());
                    ps.setString(2, own.recipient());
                    ps.setBytes(3, ownParts.get(i));
                    Sql.setInstant(ps, 4, own.createdAt());
                    ps.addBatch();
                    count++;
                }
                if (count > 0) {
                    ps.executeBatch();
                }
            }
            if (count > 0 && held.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbox_shared (message_id, shared_part) VALUES (?, ?)")) {
                    ps.setString(1, messageId.value());
                    ps.setBytes(2, shared);
                    ps.executeUpdate();
                }
            }
            return count;
        } catch (SQLException e) {
            throw Sql.failure("queueing outgoing blobs", e);
        }
    }

    @Override
    public int sharedParts(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_shared");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw Sql.failure("counting the outbox", e);
        }
    }

    private static Optional<byte[]> sharedPart(Connection c, MessageId messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT shared_part FROM outbox_shared WHERE message_id = ?")) {
            ps.setString(1, messageId.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    @Override
    public List<OutboxEntry> pending(Transaction txn, int limit) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        StoreArguments.checkLimit(limit);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                + " ORDER BY o.created_at, o.queue_seq LIMIT ?")) {
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
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                + " WHERE o.message_id = ? ORDER BY o.created_at, o.queue_seq")) {
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
            if (ps.executeUpdate() != 1) {
                return false;
            }
            deleteUnusedShared(c, messageId);
            return true;
        } catch (SQLException e) {
            throw Sql.failure("acknowledging an outgoing blob", e);
        }
    }

    /** One batched delete, then the shared part once (a group message's 999 answers were 999 deletes and checks). */
    @Override
    public int acknowledgeAll(Transaction txn, MessageId messageId, java.util.Collection<String> recipients)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        if (recipients.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE message_id = ? AND recipient = ?")) {
            for (String recipient : recipients) {
                ps.setString(1, messageId.value());
                ps.setString(2, recipient);
                ps.addBatch();
            }
            int removed = 0;
            for (int n : ps.executeBatch()) {
                removed += n > 0 ? 1 : 0;
            }
            if (removed > 0) {
                deleteUnusedShared(c, messageId);
            }
            return removed;
        } catch (SQLException e) {
            throw Sql.failure("acknowledging outgoing blobs", e);
        }
    }

    private static void deleteUnusedShared(Connection c, MessageId messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETE_UNUSED_SHARED)) {
            ps.setString(1, messageId.value());
            ps.setString(2, messageId.value());
            ps.executeUpdate();
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
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                + " WHERE o.message_id = ? AND o.recipient = ?")) {
            ps.setString(1, messageId.value());
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** An entry with its whole blob: its own part, followed by the shared part if it uses one. */
    private static OutboxEntry read(ResultSet rs) throws SQLException {
        return new OutboxEntry(new MessageId(rs.getString("message_id")), rs.getString("recipient"),
                SharedParts.join(rs.getBytes("blob"), rs.getBytes("shared_part")), rs.getInt("attempts"),
                Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "last_attempt_at"));
    }
}
