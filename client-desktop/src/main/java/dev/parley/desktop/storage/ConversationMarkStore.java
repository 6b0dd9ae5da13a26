package dev.parley.desktop.storage;

import java.util.Map;

/** Mute and archive per conversation ({@link ConversationMarks}); erased with the conversation. */
public interface ConversationMarkStore {

    /** Mutes or unmutes the conversation; false (and nothing changes) if no such conversation is recorded. */
    boolean setMuted(Transaction txn, ConversationId id, boolean muted) throws StorageException;

    /** Archives or unarchives the conversation; false (and nothing changes) if no such conversation is recorded. */
    boolean setArchived(Transaction txn, ConversationId id, boolean archived) throws StorageException;

    /** The conversation's marks; {@link ConversationMarks#NONE} for an unknown or unmarked one. */
    ConversationMarks marks(Transaction txn, ConversationId id) throws StorageException;

    /** Every conversation muted or archived, with its marks. */
    Map<ConversationId, ConversationMarks> marked(Transaction txn) throws StorageException;
}
