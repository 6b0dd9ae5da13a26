package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.PendingReceiptStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Message ids are stored newline-separated in one column (ids never contain control characters). */
final class H2PendingReceiptStore implements PendingReceiptStore {
    private final H2TransactionManager manager;

    H2PendingReceiptStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public void add(Transaction txn, String recipient, List<MessageId> messageIds) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        if (messageIds.isEmpty()) {
            return;
        }
        StringBuilder ids = new StringBuilder();
        for (MessageId id : messageIds) {
            if (ids.length() > 0) {
                ids.append('\n');
            }
            ids.append(id.value());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_receipts (recipient, message_ids) VALUES (?, ?)")) {
            ps.setString(1, recipient);
            ps.setString(2, ids.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("recording owed receipts", e);
        }
    }

    @Override
    public List<PendingReceipts> all(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, recipient, message_ids FROM pending_receipts ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<PendingReceipts> out = new ArrayList<>();
            while (rs.next()) {
                List<MessageId> ids = new ArrayList<>();
                for (String id : rs.getString(3).split("\n")) {
                    ids.add(new MessageId(id));
                }
                out.add(new PendingReceipts(rs.getLong(1), rs.getString(2), ids));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading owed receipts", e);
        }
    }

    @Override
    public void remove(Transaction txn, Collection<Long> ids) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_receipts WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            if (!ids.isEmpty()) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw Sql.failure("removing owed receipts", e);
        }
    }
}
