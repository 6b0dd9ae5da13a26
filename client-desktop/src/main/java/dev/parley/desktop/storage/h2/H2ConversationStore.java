package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.Conversation;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationKind;
import dev.parley.desktop.storage.ConversationStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Conversations in H2: the {@code conversations} table also holds each one's newest message ({@code last_seq},
 * maintained by the message store, which records a conversation as DIRECT when it stores its first message).
 */
final class H2ConversationStore implements ConversationStore {
    private final H2TransactionManager manager;

    H2ConversationStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public Conversation direct(Transaction txn, String peer) throws StorageException {
        return record(txn, ConversationId.direct(peer), ConversationKind.DIRECT);
    }

    @Override
    public Conversation group(Transaction txn, ConversationId id) throws StorageException {
        return record(txn, id, ConversationKind.GROUP);
    }

    private Conversation record(Transaction txn, ConversationId id, ConversationKind kind) throws StorageException {
        Optional<Conversation> known = find(txn, id);
        if (known.isPresent()) {
            if (known.get().kind() != kind) {
                throw new StorageException("conversation recorded with another kind");
            }
            return known.get();
        }
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO conversations (conversation_id, last_seq, kind) VALUES (?, NULL, ?)")) {
            ps.setString(1, id.value());
            ps.setString(2, kind.name());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("recording a conversation", e);
        }
        return new Conversation(id, kind);
    }

    @Override
    public Optional<Conversation> find(Transaction txn, ConversationId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM conversations WHERE conversation_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Conversation(id, kindOf(rs.getString(1))));
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a conversation", e);
        }
    }

    private static ConversationKind kindOf(String stored) throws StorageException {
        try {
            return ConversationKind.valueOf(stored);
        } catch (IllegalArgumentException e) {
            throw new StorageException("unknown conversation kind in the database");
        }
    }
}
