package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Erases a conversation in H2 in two parts. {@link #erase} records it in {@link PendingErasures} up to its newest
 * message and deletes its record: a count, a look-up and two single-row writes, whatever its length. Every read of
 * messages leaves the erased ones out from that commit on. {@link #eraseSome} then removes a page of its messages with
 * everything that hangs on them (search word keys, reactions, edit versions, attachment rows, members' receipts,
 * snippets quoted from them; {@link H2MessageRemoval#removeConversationPage}) per transaction, and the pending entry
 * with the last page. One transaction for the whole erase showed the conversation until its very end, held the single
 * connection (every incoming message waited) for all of it, and lost all of it to a crash or a quit. (What made the
 * earlier eraser run out of memory was its page query, which sorted all remaining rows: docs/benchmarks.md, erase13.)
 */
final class H2HistoryEraser implements HistoryEraser {
    private final H2TransactionManager manager;

    H2HistoryEraser(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public int erase(Transaction txn, ConversationId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            long floor = PendingErasures.floor(c, id);
            int messages = 0;
            long newest = floor;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(seq) FROM messages "
                    + "WHERE conversation_id = ? AND seq > ?")) {
                ps.setString(1, id.value());
                ps.setLong(2, floor);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        messages = rs.getInt(1);
                        newest = rs.getLong(2);
                    }
                }
            }
            if (messages > 0) {
                PendingErasures.record(c, id, newest);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversations WHERE conversation_id = ?")) {
                ps.setString(1, id.value());
                ps.executeUpdate();
            }
            return messages;
        } catch (SQLException e) {
            throw Sql.failure("deleting a conversation", e);
        }
    }

    @Override
    public boolean anyPending(Transaction txn) throws StorageException {
        try {
            return PendingErasures.any(H2Transaction.connection(txn, manager, false));
        } catch (SQLException e) {
            throw Sql.failure("looking for deleted conversations", e);
        }
    }

    @Override
    public Progress eraseSome(Transaction txn, int limit) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        try {
            int removed = 0;
            while (removed < limit) {
                Optional<PendingErasures.Entry> pending = PendingErasures.first(c);
                if (pending.isEmpty()) {
                    return new Progress(removed, true);
                }
                ConversationId conversation = pending.get().conversation();
                int wanted = limit - removed;
                int page = H2MessageRemoval.removeConversationPage(c, conversation, pending.get().upToSeq(), wanted);
                removed += page;
                if (page < wanted) {
                    PendingErasures.finish(c, conversation);    // its last page
                }
            }
            return new Progress(removed, !PendingErasures.any(c));
        } catch (SQLException e) {
            throw Sql.failure("erasing a deleted conversation", e);
        }
    }
}
