package dev.parley.desktop.storage;

import java.util.List;

/** Reactions to messages: at most one per person per message. */
public interface ReactionStore {

    /**
     * Sets {@code reaction.reactor()}'s reaction to the message, replacing an earlier one. The message must be stored
     * here (callers check it, as a reaction to a message this profile does not have is ignored).
     *
     * @throws IllegalArgumentException if the message is not stored here; nothing is written then
     */
    void put(Transaction txn, Reaction reaction) throws StorageException;

    /** Removes a person's reaction to a message; true if there was one. */
    boolean remove(Transaction txn, MessageId messageId, String reactor) throws StorageException;

    /** The reactions to a message, oldest first. */
    List<Reaction> of(Transaction txn, MessageId messageId) throws StorageException;

    /**
     * The reactions to each of {@code messageIds} in one query (a history page's worth; no query per message), each
     * list oldest first as {@link #of} returns it; messages without reactions are absent from the map.
     *
     * @param messageIds at most {@link MessageStore#MAX_LIMIT}
     */
    java.util.Map<MessageId, List<Reaction>> ofAll(Transaction txn, java.util.Collection<MessageId> messageIds)
            throws StorageException;
}
