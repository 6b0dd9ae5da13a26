package dev.parley.desktop.service.attachment;

import dev.parley.crypto.attachment.AttachmentDecryptor;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.crypto.payload.FileNames;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.AttachmentService;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.TransferFailure;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.service.messaging.DefaultMessagingService;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingUpload;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending and saving files for one unlocked profile. Received files are kept as downloaded ciphertext in the
 * profile's {@code attachments/} directory; plaintext is written only to the target the user chose, through a
 * temporary file next to it that is renamed once the whole file decrypted and verified.
 */
public final class DefaultAttachmentService implements AttachmentService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAttachmentService.class);
    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;
    private final DefaultMessagingService messaging;
    private final Path directory;
    private final GroupFileSender groupFiles;
    /** The HTTP client of the relay's bulk path, made when first needed and kept for this profile's session. */
    private final dev.parley.desktop.net.BulkHttp bulkHttp = new dev.parley.desktop.net.BulkHttp();

    /**
     * @param directory   the profile's attachment directory (created 0700 when first needed)
     * @param ownUsername this profile's username
     */
    public DefaultAttachmentService(ProfileCrypto crypto, Supplier<RelayGateway> gateway, DefaultMessagingService messaging,
                                    Path directory, Supplier<String> ownUsername) {
        this.crypto = crypto;
        this.gateway = gateway;
        this.messaging = messaging;
        this.directory = directory;
        this.groupFiles = new GroupFileSender(crypto, ownUsername, messaging.groups());
    }

    @Override
    public Message sendFile(String contact, Path file, String caption, TransferProgress progress) throws ServiceException {
        // A group (its conversation id) gets the file shared by pointer; a contact gets it as its named reader.
        Optional<StoredGroup> group = contact.startsWith(ConversationId.GROUP_PREFIX)
                ? Optional.of(groupFiles.sendable(contact)) : Optional.empty();
        if (group.isEmpty()) {
            messaging.requireSendable(contact);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException("not a readable file", failure(TransferFailure.Reason.UNREADABLE));
        }
        String source = file.toAbsolutePath().normalize().toString();
        long originalSize;
        long modified;
        try {
            originalSize = Files.size(file);
            if (originalSize > AttachmentFormat.MAX_PLAINTEXT_BYTES) {
                throw new InvalidInputException("files are at most 2 GiB", failure(TransferFailure.Reason.TOO_LARGE));
            }
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new InvalidInputException("the file cannot be read: " + e.getClass().getSimpleName(),
                    failure(TransferFailure.Reason.UNREADABLE));
        }
        // An upload of this unchanged file that did not finish: resumed with its key and id. A re-encoded image (a
        // PNG) goes on with its first encoding (kept encrypted), since a new one need not come out byte for byte the same.
        Optional<PendingUpload> pending = pendingUpload(contact, source).filter(p -> p.sameFile(originalSize, modified));
        KeptEncodings keptEncodings = new KeptEncodings(crypto.context().crypto(), crypto.context().random(), directory);
        PreparedFile prepared;
        try {
            Optional<PreparedFile> kept = pending.isPresent()
                    ? keptEncodings.load(pending.get().attachmentId(), pending.get().key()) : Optional.empty();
            prepared = kept.isPresent() ? kept.get() : ImagePreparation.prepare(file);
            if (pending.isPresent() && kept.isEmpty() && !prepared.reproducible()) {
                pending = Optional.empty();
            }
        } catch (IOException e) {
            throw new InvalidInputException("the file cannot be read: " + e.getClass().getSimpleName(),
                    failure(TransferFailure.Reason.UNREADABLE));
        }
        RelayChunks chunks = new RelayChunks(gateway.get());
        AttachmentUpload upload = new AttachmentUpload(crypto.context().crypto().secretBox(), chunks,
                relayAddress().map(address -> new BulkUpload(crypto.context().crypto().secretBox(), chunks, bulkHttp,
                        address)));
        AttachmentUpload.Uploaded uploaded = null;
        byte[] keyBytes = null;
        try {
            if (pending.isPresent()) {
                keyBytes = pending.get().key();
                try (SecretBytes key = SecretBytes.copyOf(keyBytes)) {
                    uploaded = upload.resume(prepared, key, pending.get().attachmentId(), progress);
                    LOG.info("event=attachment_upload_resumed chunks_sent={}", uploaded.chunksSent());
                } catch (AttachmentUpload.GoneException gone) {
                    keptEncodings.forget(pending.get().attachmentId());
                    SecretBytes.wipe(keyBytes);
                    keyBytes = null;
                }
            }
            if (uploaded == null) {
                // A fresh key for every new upload: never the key of an upload that did not finish.
                keyBytes = crypto.context().random().bytes(AttachmentFormat.KEY_BYTES);
                byte[] fresh = keyBytes;
                PreparedFile toSend = prepared;
                byte[] tokenHash = group.isEmpty() ? null
                        : AttachmentReadToken.hash(AttachmentReadToken.derive(crypto.context().crypto(), fresh));
                try (SecretBytes key = SecretBytes.copyOf(keyBytes)) {
                    uploaded = upload.upload(prepared, key, group.isEmpty() ? contact : null, tokenHash, progress, id -> {
                        // the row first: an encoding without its row is an orphan the file sweep removes
                        recordPending(new PendingUpload(contact, source, originalSize, modified, id, fresh));
                        if (!toSend.reproducible() && !keep(keptEncodings, id, fresh, toSend)) {
                            removePending(contact, source);
                        }
                    });
                }
            }
            AttachmentPointer pointer = new AttachmentPointer(uploaded.attachmentId(), keyBytes, uploaded.digest(),
                    prepared.size(), file.getFileName().toString(), prepared.contentType(), prepared.width(),
                    prepared.height(), prepared.thumbnail());
            LOG.debug("event=attachment_uploaded chunks={}", uploaded.chunksSent());
            dev.parley.desktop.storage.TransactionTask<StorageException> uploadDone =
                    txn -> crypto.storage().attachments().removePendingUpload(txn, contact, source);
            Message sent = group.isPresent() ? groupFiles.send(group.get(), pointer, caption, uploadDone)
                    : messaging.sendAttachment(contact, pointer, caption, uploadDone);
            keptEncodings.forget(uploaded.attachmentId());
            return sent;
        } catch (IOException e) {
            throw new InvalidInputException("the file could not be read while sending (changed or removed?)",
                    failure(TransferFailure.Reason.UNREADABLE));
        } finally {
            if (keyBytes != null) {
                SecretBytes.wipe(keyBytes);
            }
        }
    }

    /** Keeps an image's encoding for a retry; false (the upload is then not resumable) if it cannot be written. */
    private static boolean keep(KeptEncodings kept, byte[] attachmentId, byte[] fileKey, PreparedFile image) {
        try {
            kept.keep(attachmentId, fileKey, image);
            return true;
        } catch (IOException e) {
            LOG.warn("event=attachment_encoding_not_kept error={}", e.getClass().getSimpleName());
            return false;
        }
    }

    private Optional<PendingUpload> pendingUpload(String contact, String source) throws StorageFailureException {
        try {
            return crypto.storage().transactions().transactionWithResult(true,
                    (Transaction txn) -> crypto.storage().attachments().pendingUpload(txn, contact, source));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the uploads in progress", e);
        }
    }

    private void recordPending(PendingUpload upload) throws StorageFailureException {
        try {
            crypto.storage().transactions().transaction(false,
                    (Transaction txn) -> crypto.storage().attachments().putPendingUpload(txn, upload));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record the upload", e);
        }
    }

    private void removePending(String contact, String source) throws StorageFailureException {
        try {
            crypto.storage().transactions().transaction(false,
                    (Transaction txn) -> crypto.storage().attachments().removePendingUpload(txn, contact, source));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot remove the upload", e);
        }
    }

    @Override
    public void abandonUpload(String contact, Path file) throws ServiceException {
        String source = file.toAbsolutePath().normalize().toString();
        Optional<PendingUpload> pending = pendingUpload(contact, source);
        if (pending.isEmpty()) {
            return;
        }
        removePending(contact, source);
        new KeptEncodings(crypto.context().crypto(), crypto.context().random(), directory)
                .forget(pending.get().attachmentId());
    }

    @Override
    public Path save(MessageId messageId, Path target, TransferProgress progress) throws ServiceException {
        Attachment attachment = attachment(messageId)
                .orElseThrow(() -> new InvalidInputException("this message has no file"));
        AttachmentPointer pointer = attachment.pointer();
        if (attachment.state() == AttachmentState.INVALID) {
            throw new RelayRejectedException("this file did not match what its sender sent; it cannot be saved",
                    failure(TransferFailure.Reason.INVALID));
        }
        Path destination = destination(target, pointer);
        Path ciphertext = AttachmentDownload.stored(directory, pointer);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(destination.toAbsolutePath().getParent(), ".parley-", ".partial");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                 SecretBytes key = SecretBytes.copyOf(pointer.key())) {
                if (Files.exists(ciphertext)) {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(ciphertext), 1 << 16)) {
                        AttachmentDecryptor.decrypt(crypto.context().crypto().secretBox(), key, pointer.size(),
                                pointer.digest(), in, out);
                    }
                } else {
                    // Not in the profile yet: decrypted while it downloads, renamed only once whole and verified.
                    try (PipelinedDecryption decryption = new PipelinedDecryption(crypto.context().crypto().secretBox(),
                            key, pointer.size(), out)) {
                        ciphertext = fetch(attachment, progress, decryption); // digest verified, or it throws
                        decryption.finish();
                    }
                }
            }
            if (Files.exists(destination)) {
                throw new FileAlreadyExistsException("target");
            }
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            return destination;
        } catch (InvalidMessageException e) {
            setState(messageId, AttachmentState.INVALID);
            deleteQuietly(ciphertext);
            throw new RelayRejectedException("this file did not decrypt as its sender sent it; nothing was saved",
                    failure(TransferFailure.Reason.INVALID));
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("the target file exists already; choose another name");
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the file there: " + e.getClass().getSimpleName());
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    @Override
    public byte[] decryptImage(MessageId messageId, TransferProgress progress) throws ServiceException {
        Attachment attachment = attachment(messageId)
                .orElseThrow(() -> new InvalidInputException("this message has no file"));
        AttachmentPointer pointer = attachment.pointer();
        if (!pointer.contentType().startsWith("image/") || pointer.size() > MAX_VIEWED_IMAGE_BYTES) {
            throw new InvalidInputException("only images of at most 64 MiB are shown; save the file instead");
        }
        if (attachment.state() == AttachmentState.INVALID) {
            throw new RelayRejectedException("this file did not match what its sender sent; it cannot be shown",
                    failure(TransferFailure.Reason.INVALID));
        }
        Path ciphertext = fetch(attachment, progress, AttachmentDownload.ChunkTee.NONE);
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream((int) pointer.size());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(ciphertext), 1 << 16);
             SecretBytes key = SecretBytes.copyOf(pointer.key())) {
            AttachmentDecryptor.decrypt(crypto.context().crypto().secretBox(), key, pointer.size(), pointer.digest(),
                    in, plain);
            return plain.toByteArray();
        } catch (InvalidMessageException e) {
            setState(messageId, AttachmentState.INVALID);
            deleteQuietly(ciphertext);
            throw new RelayRejectedException("this file did not decrypt as its sender sent it",
                    failure(TransferFailure.Reason.INVALID));
        } catch (IOException e) {
            throw new StorageFailureException("cannot read the downloaded file in the profile", e);
        }
    }

    private static TransferFailure failure(TransferFailure.Reason reason) {
        return new TransferFailure(reason);
    }

    /** The file to write: {@code target} itself, or the sanitised name inside it when it is a directory. */
    private static Path destination(Path target, AttachmentPointer pointer) throws InvalidInputException {
        Path destination = Files.isDirectory(target) ? target.resolve(FileNames.sanitise(pointer.fileName())) : target;
        if (Files.exists(destination)) {
            throw new InvalidInputException("the target file exists already; choose another name");
        }
        Path parent = destination.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException("the target's folder does not exist");
        }
        return destination;
    }

    /** The ciphertext in the profile, downloading (and verifying) it first when needed. */
    private Path fetch(Attachment attachment, TransferProgress progress, AttachmentDownload.ChunkTee tee)
            throws ServiceException {
        try {
            ensureDirectory();
            RelayChunks chunks = new RelayChunks(gateway.get());
            Path file = new AttachmentDownload(chunks, crypto.context().crypto(),
                    relayAddress().map(address -> new BulkDownload(chunks, bulkHttp, address)))
                    .download(directory, attachment.pointer(), progress, tee);
            if (attachment.state() == AttachmentState.AVAILABLE || attachment.state() == AttachmentState.EXPIRED) {
                setState(attachment.messageId(), AttachmentState.DOWNLOADED);
            }
            return file;
        } catch (AttachmentDownload.GoneException e) {
            setState(attachment.messageId(), AttachmentState.EXPIRED);
            throw new RelayRejectedException("the file is no longer available on the relay",
                    failure(TransferFailure.Reason.GONE));
        } catch (AttachmentDownload.DigestMismatchException e) {
            setState(attachment.messageId(), AttachmentState.INVALID);
            throw new RelayRejectedException("the downloaded file does not match what its sender sent; nothing was kept",
                    failure(TransferFailure.Reason.INVALID));
        } catch (IOException e) {
            throw new StorageFailureException("cannot store the downloaded file in the profile", e);
        }
    }

    /** Where the relay's bulk path is: the connection's own relay address (same listener, same pin). */
    private Optional<dev.parley.desktop.net.RelayAddress> relayAddress() throws ServiceException {
        return gateway.get().relayAddress();
    }

    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile
        }
    }

    @Override
    public Optional<Attachment> attachment(MessageId messageId) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true,
                    (Transaction txn) -> crypto.storage().attachments().find(txn, messageId));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the attachment", e);
        }
    }

    @Override
    public List<Attachment> attachments(List<MessageId> messageIds) throws ServiceException {
        try {
            return crypto.storage().transactions().transactionWithResult(true,
                    (Transaction txn) -> crypto.storage().attachments().of(txn, messageIds));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the attachments", e);
        }
    }

    private void setState(MessageId messageId, AttachmentState state) throws StorageFailureException {
        try {
            crypto.storage().transactions().transaction(false,
                    (Transaction txn) -> crypto.storage().attachments().updateState(txn, messageId, state));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot update the attachment", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("event=attachment_temp_not_deleted error={}", e.getClass().getSimpleName());
        }
    }
}
