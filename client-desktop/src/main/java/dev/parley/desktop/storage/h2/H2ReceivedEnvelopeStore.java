package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.ReceivedEnvelope;
import dev.parley.desktop.storage.ReceivedEnvelopeStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class H2ReceivedEnvelopeStore implements ReceivedEnvelopeStore {
    /** Most digests asked for in one query by {@link #recorded}. */
    private static final int SLICE = 500;
    /** The digests of a slice already recorded. */
    static final String RECORDED_SQL = "SELECT envelope_digest FROM received_envelopes WHERE envelope_digest = ANY(?)";

    private final H2TransactionManager manager;

    H2ReceivedEnvelopeStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    /**
     * Inserts the records whose digest is not recorded yet (nor earlier in the list): the recorded ones are read with
     * one {@code envelope_digest = ANY(?)} query per slice, then the others are inserted in one batch. An
     * {@code INSERT ... SELECT ... WHERE NOT EXISTS} per record ran H2's query engine once per envelope, half of this
     * step's time in a pickup profile (#12).
     */
    @Override
    public void recordAll(Transaction txn, List<ReceivedEnvelope> envelopes) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        if (envelopes.isEmpty()) {
            return;
        }
        Set<ByteBuffer> present = recorded(c, envelopes);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO received_envelopes (envelope_digest, message_id) VALUES (?, ?)")) {
            boolean any = false;
            for (ReceivedEnvelope envelope : envelopes) {
                byte[] digest = envelope.digest().bytes();
                if (!present.add(ByteBuffer.wrap(digest))) {
                    continue;       // recorded before, or earlier in this list: the first record stays
                }
                ps.setBytes(1, digest);
                ps.setString(2, envelope.messageId().map(MessageId::value).orElse(null));
                ps.addBatch();
                any = true;
            }
            if (any) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw Sql.failure("recording received envelopes", e);
        }
    }

    /** The digests among {@code envelopes} already recorded (visible to this transaction). */
    private static Set<ByteBuffer> recorded(Connection c, List<ReceivedEnvelope> envelopes) throws StorageException {
        Set<ByteBuffer> present = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(RECORDED_SQL)) {
            for (int from = 0; from < envelopes.size(); from += SLICE) {
                List<ReceivedEnvelope> slice = envelopes.subList(from, Math.min(envelopes.size(), from + SLICE));
                ps.setArray(1, c.createArrayOf("BINARY VARYING",
                        slice.stream().map(e -> e.digest().bytes()).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(ByteBuffer.wrap(rs.getBytes(1)));
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("reading received envelopes", e);
        }
        return present;
    }

    @Override
    public Optional<ReceivedEnvelope> find(Transaction txn, EnvelopeDigest digest) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT message_id FROM received_envelopes WHERE envelope_digest = ?")) {
            ps.setBytes(1, digest.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReceivedEnvelope(digest, Optional.ofNullable(rs.getString(1)).map(MessageId::new)));
            }
        } catch (SQLException e) {
            throw Sql.failure("reading received envelopes", e);
        }
    }
}
