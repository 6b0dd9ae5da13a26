package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.ReceivedEnvelope;
import dev.parley.desktop.storage.ReceivedEnvelopeStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class H2ReceivedEnvelopeStore implements ReceivedEnvelopeStore {
    private final H2TransactionManager manager;

    H2ReceivedEnvelopeStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public void recordAll(Transaction txn, List<ReceivedEnvelope> envelopes) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        if (envelopes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO received_envelopes (envelope_digest, message_id) "
                + "SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM received_envelopes WHERE envelope_digest = ?)")) {
            for (ReceivedEnvelope envelope : envelopes) {
                byte[] digest = envelope.digest().bytes();
                ps.setBytes(1, digest);
                ps.setString(2, envelope.messageId().map(MessageId::value).orElse(null));
                ps.setBytes(3, digest);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("recording received envelopes", e);
        }
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
