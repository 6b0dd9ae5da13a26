package dev.parley.desktop.storage;

import java.util.List;

/**
 * How far the command line's {@code listen} has printed the incoming messages: a durable "printed up to" cursor in
 * storage order. {@code listen} prints what lies after the cursor and advances it only after the output is flushed, so
 * a message stored by a process that died before printing it (or by another command's pickup) is printed by the next
 * {@code listen}, and nothing before the cursor is printed again.
 *
 * <p>A new profile starts at the beginning; a profile that existed before the cursor did starts after its newest
 * message (its history had been shown already).
 */
public interface ListenCursorStore {

    /** The position of the last printed incoming message ({@code MessageCursor(0)} before any). */
    MessageCursor printedUpTo(Transaction txn) throws StorageException;

    /** Moves the cursor to {@code printed} if that is further on; a cursor never moves back. */
    void advance(Transaction txn, MessageCursor printed) throws StorageException;

    /**
     * Incoming messages stored after {@code after}, oldest first.
     *
     * @param limit 1 to {@link MessageStore#MAX_LIMIT}
     */
    List<Message> incomingAfter(Transaction txn, MessageCursor after, int limit) throws StorageException;
}
