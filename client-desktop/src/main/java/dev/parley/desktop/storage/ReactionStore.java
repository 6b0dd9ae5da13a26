package dev.parley.desktop.storage;

import java.util.List;

/** Reactions to messages: at most one per person per message. */
public interface ReactionStore {

    /** Sets {@code reaction.reactor()}'s reaction to the message, replacing an earlier one. */
    void put(Transaction txn, Reaction reaction) throws StorageException;

    /** Removes a person's reaction to a message; true if there was one. */
    boolean remove(Transaction txn, MessageId messageId, String reactor) throws StorageException;

    /** The reactions to a message, oldest first. */
    List<Reaction> of(Transaction txn, MessageId messageId) throws StorageException;
}
