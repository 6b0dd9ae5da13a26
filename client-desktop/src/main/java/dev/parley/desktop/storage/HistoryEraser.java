package dev.parley.desktop.storage;

/** Deletes a whole conversation: its messages, their search tokens and reactions, and the conversation record. */
public interface HistoryEraser {

    /**
     * Erases the conversation {@code id}; its next message starts a new one.
     *
     * @return how many messages were deleted
     */
    int erase(Transaction txn, ConversationId id) throws StorageException;
}
