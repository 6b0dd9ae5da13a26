package dev.parley.desktop.storage;

/**
 * Deletes a whole conversation: its messages, their search tokens, reactions, earlier versions and attachment rows, and
 * the conversation record. (Downloaded attachment files are the attachment service's; they are not deleted here.)
 */
public interface HistoryEraser {

    /**
     * Erases the conversation {@code id}; its next message starts a new one.
     *
     * @return how many messages were deleted
     */
    int erase(Transaction txn, ConversationId id) throws StorageException;
}
