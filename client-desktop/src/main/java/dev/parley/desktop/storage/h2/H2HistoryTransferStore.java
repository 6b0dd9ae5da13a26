package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryTransferStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@link HistoryTransferStore} in H2: {@link H2HistoryExport} reads slices, {@link H2HistoryImport} stores them. */
final class H2HistoryTransferStore implements HistoryTransferStore {
    /** Messages being sent are not carried: their sent transcripts reach the new device. */
    /** The messages a history transfer carries (of a table named or aliased {@code messages}): none being erased. */
    static final String CARRIED = "state <> 'SENDING' AND " + PendingErasures.visible("messages");

    private final H2TransactionManager manager;

    H2HistoryTransferStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public long newest(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM messages");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw Sql.failure("reading the newest message", e);
        }
    }

    @Override
    public long count(Transaction txn, long top) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM messages WHERE seq <= ? AND " + CARRIED)) {
            ps.setLong(1, top);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.failure("counting the history", e);
        }
    }

    @Override
    public Slice export(Transaction txn, long below, int maxBytes) throws StorageException {
        try {
            return H2HistoryExport.slice(H2Transaction.connection(txn, manager, false), below, maxBytes);
        } catch (SQLException e) {
            throw Sql.failure("reading the history for a new device", e);
        }
    }

    @Override
    public Imported importRows(Transaction txn, HistoryRows rows) throws StorageException {
        try {
            return H2HistoryImport.store(H2Transaction.connection(txn, manager, true), rows);
        } catch (SQLException e) {
            throw Sql.failure("storing the history from another device", e);
        }
    }
}
