package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Changes to stored messages after they were stored: edits (with their earlier versions), deletion for everyone (a
 * tombstone), removal (delete for me), and the edits and deletes that arrived before their message. Who may change
 * what, and when, is the services' concern; this store only keeps the data true: a message's search words are always
 * those of its current text, and text that was deleted is gone from every table.
 */
public interface MessageChangeStore {

    /**
     * Replaces the text of a message that is not deleted, keeping the earlier text as a version and counting the edit;
     * search then finds the new text only.
     *
     * @return false (nothing changed) if there is no such message or it is deleted
     */
    boolean edit(Transaction txn, MessageId id, String body, Instant editedAt) throws StorageException;

    /** Every text the message had, the original first and the current one last; empty if no such message. */
    List<MessageVersion> versions(Transaction txn, MessageId id) throws StorageException;

    /**
     * Turns a message into a tombstone: its text, earlier versions, search words and reactions are removed; the row
     * stays (deleted, empty body) so the conversation shows where it was.
     *
     * @return false if there is no such message or it already is a tombstone
     */
    boolean markDeleted(Transaction txn, MessageId id) throws StorageException;

    /**
     * Removes messages entirely (row, search words, versions, reactions); the conversations' newest message follows.
     *
     * @return how many were removed (unknown ids are skipped)
     */
    int remove(Transaction txn, Collection<MessageId> ids) throws StorageException;

    /**
     * Like {@link #remove}, set-based (a bounded number of statements for any number of ids: the disappearing sweep
     * removes hundreds per transaction), and says what went.
     *
     * @return the removed ids by conversation, each list in the order given; unknown ids are skipped
     */
    java.util.Map<ConversationId, List<MessageId>> removeAll(Transaction txn, Collection<MessageId> ids)
            throws StorageException;

    /**
     * The disappearing sweep: removes, as {@link #removeAll}, up to {@code limit} messages whose expiry is at or before
     * {@code now}, soonest first (those {@link DisappearingStore#expired} finds), reading each row once.
     *
     * @return the removed ids by conversation, each list soonest first; empty when none has expired
     */
    java.util.Map<ConversationId, List<MessageId>> removeExpired(Transaction txn, java.time.Instant now, int limit)
            throws StorageException;

    /** Keeps an edit or delete whose message has not arrived. */
    void keepPending(Transaction txn, PendingAction action) throws StorageException;

    /** Whether any action is pending (a cheap check before looking for a batch's messages). */
    boolean hasPending(Transaction txn) throws StorageException;

    /** Removes and returns the actions pending for {@code target}, in arrival order. */
    List<PendingAction> takePending(Transaction txn, MessageId target) throws StorageException;

    /** Drops the pending actions received before {@code cutoff}; returns how many. */
    int dropPendingReceivedBefore(Transaction txn, Instant cutoff) throws StorageException;
}
