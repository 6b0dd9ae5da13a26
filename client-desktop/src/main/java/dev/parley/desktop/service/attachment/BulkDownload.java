package dev.parley.desktop.service.attachment;

import dev.parley.crypto.attachment.AttachmentDigest;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.BulkHttp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Downloads over the relay's bulk path (docs/protocol.md, "Bulk transfers"): one HTTP {@code GET} from the first
 * chunk the profile lacks to the end, read chunk by chunk into the {@code .part} file and the digest as it arrives.
 * A body cut short is resumed from the last whole chunk with a fresh ticket.
 */
final class BulkDownload {
    private static final int MAX_FRUITLESS_ATTEMPTS = 3;
    private final RelayChunks relay;
    private final BulkHttp http;
    private final RelayAddress address;

    BulkDownload(RelayChunks relay, BulkHttp http, RelayAddress address) {
        this.relay = relay;
        this.http = http;
        this.address = address;
    }

    /**
     * Appends chunks {@code from} to the last to {@code out} (positioned after chunk {@code from - 1}), to
     * {@code digest} and to {@code tee}; returns the number of whole chunks written, the total unless the bulk path gave up (then the
     * caller goes on over the WebSocket from there).
     *
     * @throws BulkUpload.UnavailableException the relay has no bulk path; nothing was written
     */
    long fetch(AttachmentPointer pointer, byte[] token, FileChannel out, AttachmentDigest digest,
               AttachmentDownload.ChunkTee tee, long from, TransferProgress progress) throws ServiceException, IOException, BulkUpload.UnavailableException,
            AttachmentDownload.GoneException, AttachmentDownload.DigestMismatchException {
        long cipherSize = pointer.ciphertextSize();
        long total = AttachmentFormat.chunkCountOfCiphertext(cipherSize);
        byte[] buffer = new byte[AttachmentFormat.CIPHER_CHUNK_BYTES];
        long index = from;
        int fruitless = 0;
        for (int attempt = 0; index < total && attempt <= RelayChunks.MAX_RECONNECTS; attempt++) {
            long before = index;
            Response answer = relay.exchange(new Request.BulkDownloadTicket(pointer.attachmentId(), token),
                    ErrorCode.UNKNOWN_TYPE, ErrorCode.UNKNOWN_ATTACHMENT);
            if (answer instanceof Response.ErrorResponse error) {
                if (error.code() == ErrorCode.UNKNOWN_TYPE) {
                    throw new BulkUpload.UnavailableException("the relay has no bulk path");
                }
                throw new AttachmentDownload.GoneException();
            }
            byte[] ticket = ((Response.BulkTicket) answer).ticket();
            try (BulkHttp.Download download = http.download(address, ticket, pointer.attachmentId(),
                    index * AttachmentFormat.CIPHER_CHUNK_BYTES)) {
                if (download.status() != 200) {
                    refused(download.refusal());
                } else {
                    InputStream body = download.body();
                    while (index < total) {
                        RelayChunks.checkCancelled(progress);
                        int length = AttachmentFormat.cipherChunkLength(cipherSize, index);
                        if (read(body, buffer, length) < length) {
                            break;
                        }
                        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, length);
                        while (chunk.hasRemaining()) {
                            out.write(chunk);
                        }
                        digest.update(buffer, 0, length);
                        tee.accept(buffer, length);
                        index++;
                        progress.progress(Math.min(pointer.size(), index * AttachmentFormat.PLAIN_CHUNK_BYTES),
                                pointer.size());
                    }
                    if (index == total && read(body, buffer, 1) > 0) {
                        throw new AttachmentDownload.DigestMismatchException();
                    }
                }
            } catch (BulkHttp.BrokenException e) {
                // cut short or never reached: go on from the last whole chunk with a fresh ticket
            }
            fruitless = index > before ? 0 : fruitless + 1;
            if (fruitless >= MAX_FRUITLESS_ATTEMPTS) {
                return index;
            }
        }
        return index;
    }

    /** Reads up to {@code length} bytes of the body; a broken connection is a {@link BulkHttp.BrokenException}. */
    private static int read(InputStream body, byte[] into, int length) throws BulkHttp.BrokenException {
        try {
            return body.readNBytes(into, 0, length);
        } catch (IOException e) {
            throw new BulkHttp.BrokenException("the download broke off", e);
        }
    }

    private static void refused(Response frame) throws ServiceException, AttachmentDownload.GoneException,
            AttachmentDownload.DigestMismatchException {
        if (!(frame instanceof Response.ErrorResponse error)) {
            return;
        }
        switch (error.code()) {
            case UNKNOWN_ATTACHMENT:
                throw new AttachmentDownload.GoneException();
            case RATE_LIMITED:
                RelayChunks.pause(error.retryAfterMillis());
                return;
            case AUTH_FAILED:
                return;
            case INVALID_FIELD:
                // The relay's file ends before what the pointer says: it is not the file the pointer describes.
                throw new AttachmentDownload.DigestMismatchException();
            default:
                throw RelayChunks.failure(error);
        }
    }
}
