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

    /** Records an upload in progress, replacing any earlier one of the same file to the same contact. */
    void putPendingUpload(Transaction txn, PendingUpload upload) throws StorageException;

    Optional<PendingUpload> pendingUpload(Transaction txn, String contact, String source) throws StorageException;

    void removePendingUpload(Transaction txn, String contact, String source) throws StorageException;

    /** Removes every upload in progress to {@code contact} (the contact or the conversation was deleted). */
    void removePendingUploads(Transaction txn, String contact) throws StorageException;

    /** The most ids asked about in one call of {@link #uploadsAmong} or {@link #attachmentsAmong}. */
    int MAX_IDS = 500;

    /**
     * Of the relay ids {@code ids} (lower-case hex, at most {@link #MAX_IDS}), those with an upload in progress: an
     * image encoding kept for one of them stays, any other kept encoding is an orphan and is removed. The caller asks
     * about the files it found, a slice at a time, so nothing grows with the number of uploads.
     */
    java.util.Set<String> uploadsAmong(Transaction txn, java.util.Collection<String> ids) throws StorageException;

    /**
     * Of the relay ids {@code ids} (lower-case hex as {@code AttachmentPointer.idHex()}, at most {@link #MAX_IDS}),
     * those this profile still has a message for: a downloaded file whose id is not among them belongs to a deleted
     * message and is removed.
     */
    java.util.Set<String> attachmentsAmong(Transaction txn, java.util.Collection<String> ids) throws StorageException;
}
