package dev.parley.desktop.storage;

import java.util.List;
import java.util.Optional;

/** Files attached to messages: one per message, keyed by the message id. */
public interface AttachmentStore {

    /** Stores the attachment of a message unless that message already has one; returns whether it was stored. */
    boolean insertIfAbsent(Transaction txn, Attachment attachment) throws StorageException;

    Optional<Attachment> find(Transaction txn, MessageId messageId) throws StorageException;

    /** The attachments of these messages (those that have one), for showing a page of history. */
    List<Attachment> of(Transaction txn, List<MessageId> messageIds) throws StorageException;

    /** Changes the state; returns false when the message has no attachment. */
    boolean updateState(Transaction txn, MessageId messageId, AttachmentState state) throws StorageException;
}
