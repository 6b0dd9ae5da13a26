package dev.parley.desktop.service.attachment;

import dev.parley.crypto.attachment.AttachmentDigest;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.io.InputStream;
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
    private final RelayChunks relay;
    private final CryptoProvider crypto;

    AttachmentDownload(RelayChunks relay, CryptoProvider crypto) {
        this.relay = relay;
        this.crypto = crypto;
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

    static Path stored(Path dir, AttachmentPointer pointer) {
        return dir.resolve(pointer.idHex() + ".bin");
    }

    Path download(Path dir, AttachmentPointer pointer, TransferProgress progress)
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
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long index = out.size() / AttachmentFormat.CIPHER_CHUNK_BYTES;
            out.truncate(index * AttachmentFormat.CIPHER_CHUNK_BYTES);
            out.position(out.size());
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
                progress.progress(Math.min(pointer.size(), (index + 1) * AttachmentFormat.PLAIN_CHUNK_BYTES), pointer.size());
            }
            out.force(true);
        }
        if (!matches(part, pointer.digest())) {
            Files.deleteIfExists(part);
            throw new DigestMismatchException();
        }
        Files.move(part, bin, StandardCopyOption.ATOMIC_MOVE);
        return bin;
    }

    private static boolean matches(Path file, byte[] digest) throws IOException {
        AttachmentDigest sha = new AttachmentDigest();
        byte[] buffer = new byte[AttachmentFormat.CIPHER_CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                sha.update(n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n));
            }
        }
        return sha.matches(digest);
    }
}
