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
     * and sends the pointer to {@code contact}.
     *
     * @param caption optional text shown with the file; may be null
     */
    Message sendFile(String contact, Path file, String caption, TransferProgress progress) throws ServiceException;

    /**
     * Downloads the file of {@code messageId} if it is not in the profile yet (resuming a partial download), verifies
     * it against the pointer and decrypts it to {@code target}: a file that does not exist yet, or an existing
     * directory (the file keeps its sanitised name there). Nothing appears at the target unless the whole file
     * decrypted and verified.
     *
     * @return the file written
     */
    Path save(MessageId messageId, Path target, TransferProgress progress) throws ServiceException;

    /** The attachment of a message, if it has one. */
    Optional<Attachment> attachment(MessageId messageId) throws ServiceException;

    /** The attachments of these messages (those that have one). */
    List<Attachment> attachments(List<MessageId> messageIds) throws ServiceException;

    /** Progress of one transfer, in plaintext-sized units: called from the transferring thread. */
    @FunctionalInterface
    interface TransferProgress {
        TransferProgress NONE = (done, total) -> { };

        void progress(long doneBytes, long totalBytes);
    }
}
