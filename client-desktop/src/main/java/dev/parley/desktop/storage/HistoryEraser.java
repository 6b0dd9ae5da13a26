package dev.parley.desktop.storage;

/**
 * Deletes a whole conversation: its messages, their search tokens, reactions, edit versions, attachment rows, member
 * receipts and the snippets other messages quoted from them, and the conversation record.
 *
 * <p>It goes in two parts (issue #12): {@link #erase} hides the conversation in the caller's transaction, which stays
 * small whatever the conversation's length: from its commit on, the conversation is gone from the list, from history
 * pages, search, unread counts and look-ups by id, and its next message starts a new one. Its rows are then removed by
 * {@link #eraseSome}, a bounded number per transaction, each committed; a pending erase survives a crash or a quit and
 * is continued by the next call after the profile is opened again, until nothing of it is left.
 */
public interface HistoryEraser {

    /**
     * Erases the conversation {@code id}: hides it now and leaves its rows to {@link #eraseSome}; its next message
     * starts a new one.
     *
     * @return how many messages it had (all of them are gone for the reader from the commit on)
     */
    int erase(Transaction txn, ConversationId id) throws StorageException;

    /**
     * Removes up to {@code limit} messages of erased conversations with everything that hangs on them. Call it in a
     * transaction of its own, again and again, until it says {@link Progress#finished()}.
     */
    Progress eraseSome(Transaction txn, int limit) throws StorageException;

    /** Whether a deleted conversation still has rows for {@link #eraseSome} to remove. */
    boolean anyPending(Transaction txn) throws StorageException;

    /**
     * What one {@link #eraseSome} did.
     *
     * @param removed  messages removed by this call
     * @param finished no erase is pending any more
     */
    record Progress(int removed, boolean finished) {
        public static final Progress NOTHING_PENDING = new Progress(0, true);
    }
}
