package dev.parley.desktop.storage;

import java.util.Optional;

/** The conversations messages belong to, with their kind. */
public interface ConversationStore {

    /**
     * The direct conversation with {@code peer}, recorded (kind {@link ConversationKind#DIRECT}) if it was not yet.
     *
     * @throws StorageException if the conversation with that id is recorded with another kind
     */
    Conversation direct(Transaction txn, String peer) throws StorageException;

    /**
     * The conversation of a group (kind {@link ConversationKind#GROUP}, id {@link ConversationId#group}), recorded if
     * it was not yet.
     *
     * @throws StorageException if the conversation with that id is recorded with another kind
     */
    Conversation group(Transaction txn, ConversationId id) throws StorageException;

    Optional<Conversation> find(Transaction txn, ConversationId id) throws StorageException;
}
