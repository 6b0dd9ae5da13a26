package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.MemberReceipt;
import dev.parley.desktop.storage.MemberReceiptStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code group_member_receipts} (V48), added only for a message that exists and deleted with it by
 * {@link H2MessageRemoval} and {@link H2HistoryEraser} (V81 dropped the cascading foreign key).
 */
final class H2MemberReceiptStore implements MemberReceiptStore {
    private final H2TransactionManager manager;

    H2MemberReceiptStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public void record(Transaction txn, MessageId id, String member, MessageState step, Instant at)
            throws StorageException {
        MemberReceiptStore.checkStep(step);
        MemberReceipt.checkMember(member);
        String column = step == MessageState.DELIVERED ? "delivered_at" : "read_at";
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM messages WHERE message_id = ?")) {
                exists.setString(1, id.value());
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE group_member_receipts SET " + column
                    + " = COALESCE(" + column + ", ?) WHERE message_id = ? AND member = ?")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, id.value());
                update.setString(3, member);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO group_member_receipts (message_id, member, "
                    + column + ") VALUES (?, ?, ?)")) {
                insert.setString(1, id.value());
                insert.setString(2, member);
                insert.setLong(3, at.toEpochMilli());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.failure("recording a member's receipt", e);
        }
    }

    @Override
    public List<MemberReceipt> list(Transaction txn, MessageId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT member, delivered_at, read_at FROM group_member_receipts "
                + "WHERE message_id = ? ORDER BY member")) {
            ps.setString(1, id.value());
            List<MemberReceipt> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MemberReceipt(rs.getString("member"), Sql.getInstant(rs, "delivered_at"),
                            Sql.getInstant(rs, "read_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading members' receipts", e);
        }
    }
}
