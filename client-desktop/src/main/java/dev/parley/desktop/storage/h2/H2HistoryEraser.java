package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Erases a conversation in H2: its messages a page at a time with everything that hangs on them (search word keys,
 * reactions, edit versions, attachment rows, members' receipts, snippets quoted from them; see
 * {@link H2MessageRemoval#removeConversation}), so a conversation of any length erases in bounded memory; then its
 * record.
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
            int messages = H2MessageRemoval.removeConversation(c, id);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM conversations WHERE conversation_id = ?")) {
                ps.setString(1, id.value());
                ps.executeUpdate();
            }
            return messages;
        } catch (SQLException e) {
            throw Sql.failure("deleting a conversation", e);
        }
    }
}
