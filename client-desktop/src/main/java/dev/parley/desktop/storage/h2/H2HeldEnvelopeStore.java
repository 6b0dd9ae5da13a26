package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.HeldEnvelopeStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

final class H2HeldEnvelopeStore implements HeldEnvelopeStore {
    private final H2TransactionManager manager;

    H2HeldEnvelopeStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public void hold(Transaction txn, HeldEnvelope envelope) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO held_envelopes (sender, identity_key, blob, received_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, envelope.sender());
            ps.setBytes(2, envelope.identityKey());
            ps.setBytes(3, envelope.blob());
            ps.setLong(4, envelope.receivedAtMillis());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("holding an envelope", e);
        }
    }

    @Override
    public List<HeldEnvelope> forSender(Transaction txn, String sender) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, identity_key, blob, received_at FROM held_envelopes "
                + "WHERE sender = ? ORDER BY id")) {
            ps.setString(1, sender);
            List<HeldEnvelope> held = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(new HeldEnvelope(rs.getLong(1), sender, rs.getBytes(2), rs.getBytes(3), rs.getLong(4)));
                }
            }
            return held;
        } catch (SQLException e) {
            throw Sql.failure("reading held envelopes", e);
        }
    }

    @Override
    public int count(Transaction txn, String sender) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM held_envelopes WHERE sender = ?")) {
            ps.setString(1, sender);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw Sql.failure("counting held envelopes", e);
        }
    }

    @Override
    public int removeAll(Transaction txn, String sender) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM held_envelopes WHERE sender = ?")) {
            ps.setString(1, sender);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("deleting held envelopes", e);
        }
    }
}
