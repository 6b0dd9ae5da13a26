package dev.parley.desktop.storage;

import java.util.List;
import java.util.Optional;

/**
 * Conversation history. Every message has a globally unique {@link MessageId}; storing the same id twice keeps the
 * first copy, so redelivery after a crash never shows a message twice.
 *
 * <p>History is ordered by storage order ({@link MessageCursor}): the newest message is the one stored last. Paging is
 * keyset-based (before a cursor), so opening the newest page costs the same on a 100,000-message conversation as on a
 * short one.
 *
 * <p>Search: {@link #search} matches whole words. Text is split into words of letters and digits (NFKC, lower case,
 * words of 2 to {@link SearchTokenizer#MAX_TOKEN_CHARS} characters); a message matches when it contains every word of
 * the query. Results are newest first.
 */
public interface MessageStore {
    /** Largest page or search result size. */
    int MAX_LIMIT = 500;

    /**
     * Stores {@code message} unless a message with the same id exists.
     *
     * @return true if it was stored, false if the id was already known (nothing changed)
     */
    boolean insertIfAbsent(Transaction txn, NewMessage message) throws StorageException;

    /**
     * Stores each message, in order, unless a message with its id exists (stored before, or earlier in the list), and
     * updates each conversation's summary once for the whole list. Same effect as calling {@link #insertIfAbsent} for
     * each, at a lower cost per message (offline pickup stores its batches this way).
     *
     * @return the messages that were stored, as {@link #find} would return them now, in input order
     */
    List<Message> insertAllIfAbsent(Transaction txn, List<NewMessage> messages) throws StorageException;

    Optional<Message> find(Transaction txn, MessageId id) throws StorageException;

    /**
     * Moves a message to {@code state} if {@link MessageState#canMoveTo} allows it.
     *
     * @param failureReason required (at most 512 characters) when {@code state} is FAILED, must be null otherwise
     */
    StateUpdate updateState(Transaction txn, MessageId id, MessageState state, String failureReason)
            throws StorageException;

    /**
     * Marks the oldest {@code limit} unread incoming messages of the conversation at or before {@code upTo} as READ
     * (1 to {@link #MAX_LIMIT}); call again, in a new transaction if it suits, until fewer come back.
     *
     * @return the ids that changed, oldest first (the service sends read receipts for them)
     */
    List<MessageId> markReadUpTo(Transaction txn, ConversationId conversation, MessageCursor upTo, int limit)
            throws StorageException;

    /**
     * One page of history, newest first.
     *
     * @param before only messages older than this cursor; empty for the newest page
     * @param limit  1 to {@link #MAX_LIMIT}
     */
    MessagePage page(Transaction txn, ConversationId conversation, Optional<MessageCursor> before, int limit)
            throws StorageException;

    /**
     * The messages stored after {@code after} in the conversation, oldest first (for showing history from a search
     * result downwards). A result shorter than {@code limit} reached the newest message.
     *
     * @param after only messages newer than this cursor
     * @param limit 1 to {@link #MAX_LIMIT}
     */
    List<Message> pageAfter(Transaction txn, ConversationId conversation, MessageCursor after, int limit)
            throws StorageException;

    /** Incoming messages of the conversation that are not READ. */
    int unreadCount(Transaction txn, ConversationId conversation) throws StorageException;

    /** Every conversation with at least one message, the one with the newest message first. */
    List<ConversationSummary> conversations(Transaction txn) throws StorageException;

    /**
     * Messages containing every word of {@code query}, newest first. A query without any searchable word returns
     * nothing.
     *
     * @param within restrict to one conversation, or empty for all
     * @param limit  1 to {@link #MAX_LIMIT}
     */
    List<Message> search(Transaction txn, String query, Optional<ConversationId> within, int limit)
            throws StorageException;
}
