package dev.parley.desktop.service.attachment;

import dev.parley.crypto.attachment.AttachmentDigest;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.attachment.WritebackSync;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Downloads an attachment's ciphertext into the profile ({@code <hex id>.part}, renamed to {@code <hex id>.bin} once
 * whole and verified against the pointer's digest). A partial download left by a crash or a lost connection resumes
 * from its last whole chunk. Only ciphertext is ever written here. Every chunk is asked for with the file's read token
 * ({@code attachment_get_shared}), which the relay needs for a file shared by pointer and ignores for one that names
 * this account as its reader.
 */
final class AttachmentDownload {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AttachmentDownload.class);
    /** The one daemon thread the downloads' early write-backs run on ({@link WritebackSync}). */
    private static final java.util.concurrent.Executor WRITEBACK = java.util.concurrent.Executors
            .newSingleThreadExecutor(dev.parley.desktop.threads.BackgroundThreads.named("attachment-writeback"));
    private final RelayChunks relay;
    private final CryptoProvider crypto;
    private final java.util.Optional<BulkDownload> bulk;

    /** @param bulk the relay's bulk path when it may have one (tried first; its absence falls back to the frames) */
    AttachmentDownload(RelayChunks relay, CryptoProvider crypto, java.util.Optional<BulkDownload> bulk) {
        this.relay = relay;
        this.crypto = crypto;
        this.bulk = bulk;
    }

    /** The digest of what the relay served does not match the pointer; nothing was kept. */
    static final class DigestMismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        DigestMismatchException() {
            super("the downloaded file does not match its pointer", null, false, false);
        }
    }

    /** The relay no longer has it (expired, or never had it). */
    static final class GoneException extends Exception {
        private static final long serialVersionUID = 1L;

        GoneException() {
            super("the file is no longer available on the relay", null, false, false);
        }
    }

    /** Sees every ciphertext chunk of the file once, in order from the first, as the download writes it. */
    @FunctionalInterface
    interface ChunkTee {
        ChunkTee NONE = (bytes, length) -> { };

        /** The next chunk: the first {@code length} bytes of {@code bytes} (reused afterwards: copy what is kept). */
        void accept(byte[] bytes, int length) throws IOException;
    }

    static Path stored(Path dir, AttachmentPointer pointer) {
        return dir.resolve(pointer.idHex() + ".bin");
    }

    Path download(Path dir, AttachmentPointer pointer, TransferProgress progress)
            throws ServiceException, IOException, DigestMismatchException, GoneException {
        return download(dir, pointer, progress, ChunkTee.NONE);
    }

    /** As {@link #download(Path, AttachmentPointer, TransferProgress)}, showing every chunk to {@code tee} too. */
    Path download(Path dir, AttachmentPointer pointer, TransferProgress progress, ChunkTee tee)
            throws ServiceException, IOException, DigestMismatchException, GoneException {
        Path bin = stored(dir, pointer);
        if (Files.exists(bin)) {
            return bin;
        }
        Path part = dir.resolve(pointer.idHex() + ".part");
        long cipherSize = pointer.ciphertextSize();
        long total = AttachmentFormat.chunkCountOfCiphertext(cipherSize);
        // The read token opens shared (group) files; for a file that names its readers the relay goes by the account.
        byte[] token = AttachmentReadToken.derive(crypto, pointer.key());
        boolean shared = true;
        AttachmentDigest digest = new AttachmentDigest();
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); WritebackSync writeback = new WritebackSync(out, WRITEBACK)) {
            long index = out.size() / AttachmentFormat.CIPHER_CHUNK_BYTES;
            out.truncate(index * AttachmentFormat.CIPHER_CHUNK_BYTES);
            hashWhatIsThere(out, digest, tee);
            // what is written goes to disk as the download goes, so the sync before the rename is short
            ChunkTee teeAndWriteback = (bytes, length) -> {
                writeback.written(length);
                tee.accept(bytes, length);
            };
            out.position(out.size());
            if (bulk.isPresent() && index < total) {
                try {
                    index = bulk.get().fetch(pointer, token, out, digest, teeAndWriteback, index, progress);
                } catch (BulkUpload.UnavailableException e) {
                    LOG.info("event=attachment_bulk_unavailable reason=\"{}\"", e.getMessage());
                } catch (GoneException | DigestMismatchException e) {
                    Files.deleteIfExists(part);
                    throw e;
                }
            }
            for (; index < total; index++) {
                RelayChunks.checkCancelled(progress);
                Response answer = relay.exchange(shared
                        ? new Request.AttachmentGetShared(pointer.attachmentId(), index, token)
                        : new Request.AttachmentGet(pointer.attachmentId(), index),
                        ErrorCode.UNKNOWN_ATTACHMENT, ErrorCode.UNKNOWN_TYPE);
                if (shared && answer instanceof Response.ErrorResponse error && error.code() == ErrorCode.UNKNOWN_TYPE) {
                    // A relay older than shared attachments: it knows only the frame that goes by the account.
                    shared = false;
                    index--;
                    continue;
                }
                if (!(answer instanceof Response.AttachmentChunk chunk)) {
                    Files.deleteIfExists(part);
                    throw new GoneException();
                }
                if (chunk.index() != index || chunk.chunk().length != AttachmentFormat.cipherChunkLength(cipherSize, index)) {
                    Files.deleteIfExists(part);
                    throw new DigestMismatchException();
                }
                ByteBuffer buffer = ByteBuffer.wrap(chunk.chunk());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                digest.update(chunk.chunk());
                teeAndWriteback.accept(chunk.chunk(), chunk.chunk().length);
                progress.progress(Math.min(pointer.size(), (index + 1) * AttachmentFormat.PLAIN_CHUNK_BYTES), pointer.size());
            }
            out.force(true);
        }
        if (!digest.matches(pointer.digest())) {
            Files.deleteIfExists(part);
            throw new DigestMismatchException();
        }
        Files.move(part, bin, StandardCopyOption.ATOMIC_MOVE);
        return bin;
    }

    /** Hashes (and shows the tee) the whole chunks an earlier attempt left in the {@code .part} file (its digest goes on from there). */
    private static void hashWhatIsThere(FileChannel part, AttachmentDigest digest, ChunkTee tee) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(AttachmentFormat.CIPHER_CHUNK_BYTES);
        long size = part.size();
        for (long position = 0; position < size; position += buffer.capacity()) {
            buffer.clear();
            while (buffer.hasRemaining()) {
                if (part.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("the partial download shrank while it was read");
                }
            }
            digest.update(buffer.array(), 0, buffer.capacity());
            tee.accept(buffer.array(), buffer.capacity());
        }
    }
}
