package dev.parley.desktop.service;

import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files as messages (docs/protocol.md 1.11): encrypt and upload a file chunk by chunk, then send its pointer; download
 * a received file into the profile (kept encrypted) and decrypt it only to a path the user chose. Blocking calls:
 * never on the FX thread.
 */
public interface AttachmentService {

    /**
     * Strips image metadata, encrypts {@code file} with a fresh key, uploads it (resuming after a lost connection)
     * and sends the pointer to {@code contact}: a contact's username, or a group's conversation id ({@code #} and
     * the group id in hex; issue #15), whose members all read the one upload.
     *
     * @param caption optional text shown with the file; may be null
     */
    Message sendFile(String contact, Path file, String caption, TransferProgress progress) throws ServiceException;

    /**
     * Gives up an upload of {@code file} to {@code contact} that failed or was cancelled and will not be retried: its
     * record and any image encoding kept for the retry are removed (the relay frees the reserved room when it
     * expires). A later send of the same file starts over. Nothing happens if there is no such upload.
     */
    void abandonUpload(String contact, Path file) throws ServiceException;

    /**
     * Downloads the file of {@code messageId} if it is not in the profile yet (resuming a partial download), verifies
     * it against the pointer and decrypts it to {@code target}: a file that does not exist yet, or an existing
     * directory (the file keeps its sanitised name there). Nothing appears at the target unless the whole file
     * decrypted and verified.
     *
     * @return the file written
     */
    Path save(MessageId messageId, Path target, TransferProgress progress) throws ServiceException;

    /**
     * Downloads the image of {@code messageId} if needed, verifies it and decrypts it into memory for a viewer (never
     * to disk). Only for images of at most {@link #MAX_VIEWED_IMAGE_BYTES}.
     */
    byte[] decryptImage(MessageId messageId, TransferProgress progress) throws ServiceException;

    /** The largest image {@link #decryptImage} decrypts into memory. */
    long MAX_VIEWED_IMAGE_BYTES = 64L << 20;

    /** The attachment of a message, if it has one. */
    Optional<Attachment> attachment(MessageId messageId) throws ServiceException;

    /** The attachments of these messages (those that have one). */
    List<Attachment> attachments(List<MessageId> messageIds) throws ServiceException;

    /**
     * Progress of one transfer, in plaintext-sized units: called from the transferring thread. A transfer asks
     * {@link #cancelled()} before each chunk and stops with a {@link TransferFailure.Reason#CANCELLED} failure when it
     * is true; what was transferred so far is kept, so sending or saving the same file again resumes.
     */
    @FunctionalInterface
    interface TransferProgress {
        TransferProgress NONE = (done, total) -> { };

        void progress(long doneBytes, long totalBytes);

        /** Whether the user cancelled the transfer. */
        default boolean cancelled() {
            return false;
        }
    }
}
