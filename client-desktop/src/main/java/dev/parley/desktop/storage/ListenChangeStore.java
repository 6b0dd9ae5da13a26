package dev.parley.desktop.storage;

import java.util.List;

/**
 * Changes to messages that the command line's {@code listen} prints as records after it printed the messages
 * themselves: late edits and deletes, and reactions. Durable like the listen cursor: {@code listen} prints a batch,
 * flushes, then {@link #removeUpTo removes} it. Bounded: the newest {@value #MAX_KEPT} are kept.
 */
public interface ListenChangeStore {
    int MAX_KEPT = 1000;

    /** Notes a change (its {@code seq} is assigned here), dropping the oldest beyond {@value #MAX_KEPT}. */
    void note(Transaction txn, ListenChange change) throws StorageException;

    /**
     * The oldest changes not removed yet, oldest first.
     *
     * @param limit 1 to {@link MessageStore#MAX_LIMIT}
     */
    List<ListenChange> oldest(Transaction txn, int limit) throws StorageException;

    /** Removes the changes up to and including {@code seq} (they were printed). */
    void removeUpTo(Transaction txn, long seq) throws StorageException;
}
