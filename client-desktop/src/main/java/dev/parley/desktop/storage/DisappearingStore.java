package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.List;

/** Disappearing messages: each conversation's timer and each message's expiry. */
public interface DisappearingStore {

    /** The conversation's timer ({@link DisappearingTimer#OFF} for an unknown conversation). */
    DisappearingTimer timer(Transaction txn, ConversationId conversation) throws StorageException;

    /** Sets the timer of an existing conversation; false if there is no such conversation. */
    boolean setTimer(Transaction txn, ConversationId conversation, DisappearingTimer timer) throws StorageException;

    /** Sets when a stored message disappears; false if there is no such message. */
    boolean expireAt(Transaction txn, MessageId id, Instant at) throws StorageException;

    /** The messages whose expiry is at or before {@code now}, soonest first, at most {@code limit}. */
    List<MessageId> expired(Transaction txn, Instant now, int limit) throws StorageException;
}
