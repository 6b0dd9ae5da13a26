package dev.parley.desktop.service.attachment;

import dev.parley.crypto.attachment.AttachmentEncryptor;
import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.primitives.SecretBox;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.net.BulkHttp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Uploads over the relay's bulk path (docs/protocol.md, "Bulk transfers"): the chunks go as the bodies of HTTP
 * {@code PUT}s on the relay's listener, a segment of consecutive chunks per request, made (encrypted, hashed) on this
 * thread while the HTTP client sends the ones before. The relay confirms each segment when it has written it; progress
 * reports only confirmed chunks, so it means what the WebSocket path's does. Segments start at one chunk and grow
 * while the relay confirms them quickly, up to 32 MiB ({@link UploadSegments}), and start small again after any
 * failure, so a small file is confirmed chunk by chunk and a failure costs at most what of the segment in flight the
 * relay had not written whole. After a failure the relay's count
 * ({@code attachment_status}) says where to go on, as on the WebSocket path.
 */
final class BulkUpload {
    /** A ticket is used for this long at most (the relay's live 5 minutes), then a fresh one is asked for. */
    private static final Duration TICKET_USE = Duration.ofSeconds(60);
    /** Passes that move nothing before the bulk path is given up for the WebSocket one. */
    private static final int MAX_FRUITLESS_PASSES = 3;
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;

    private final SecretBox box;
    private final RelayChunks relay;
    private final BulkHttp http;
    private final RelayAddress address;

    BulkUpload(SecretBox box, RelayChunks relay, BulkHttp http, RelayAddress address) {
        this.box = box;
        this.relay = relay;
        this.http = http;
        this.address = address;
    }

    /** The relay has no bulk path (an older relay), or it does not work from here: use the WebSocket frames. */
    static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    AttachmentUpload.Uploaded send(PreparedFile file, SecretBytes key, byte[] id, long alreadyConfirmed,
                                   TransferProgress progress)
            throws ServiceException, IOException, UnavailableException {
        long cipherSize = AttachmentFormat.ciphertextSize(file.size());
        long confirmed = alreadyConfirmed;
        long sent = 0;
        int fruitless = 0;
        for (int pass = 0; pass <= RelayChunks.MAX_RECONNECTS; pass++) {
            long before = confirmed;
            try (InputStream in = file.source().open()) {
                AttachmentEncryptor encryptor = new AttachmentEncryptor(box, key, in, file.size());
                while (encryptor.index() < confirmed && encryptor.hasNext()) {
                    encryptor.next(); // made again for the digest, not sent
                }
                if (!encryptor.hasNext()) {
                    return new AttachmentUpload.Uploaded(id, encryptor.digest(), sent); // the relay has it all
                }
                Segments run = new Segments(id, encryptor, cipherSize, file.size(), progress);
                if (run.sendAll()) {
                    return new AttachmentUpload.Uploaded(id, encryptor.digest(), sent + run.sent);
                }
                sent += run.sent;
            }
            confirmed = ((Response.AttachmentProgress) relay.exchange(new Request.AttachmentStatus(id))).chunksConfirmed();
            fruitless = confirmed > before ? 0 : fruitless + 1;
            if (fruitless >= MAX_FRUITLESS_PASSES) {
                throw new UnavailableException("the bulk path moved nothing " + fruitless + " times");
            }
        }
        throw new UnavailableException("the bulk path kept breaking off");
    }

    /** One pass: segment after segment until the relay holds the whole file or something breaks. */
    private final class Segments {
        private final byte[] id;
        private final AttachmentEncryptor encryptor;
        private final long cipherSize;
        private final long plainSize;
        private final TransferProgress progress;
        private byte[] ticket;
        private long ticketAt;
        long sent;

        Segments(byte[] id, AttachmentEncryptor encryptor, long cipherSize, long plainSize, TransferProgress progress) {
            this.id = id;
            this.encryptor = encryptor;
            this.cipherSize = cipherSize;
            this.plainSize = plainSize;
            this.progress = progress;
        }

        /** True once the relay confirmed the last chunk; false when the pass broke off (resync and go on). */
        boolean sendAll() throws ServiceException, IOException, UnavailableException {
            int segment = 1;
            while (encryptor.hasNext()) {
                if (ticket == null || System.nanoTime() - ticketAt > TICKET_USE.toNanos()) {
                    ticket = ticket();
                    ticketAt = System.nanoTime();
                }
                long first = encryptor.index();
                long began = System.nanoTime();
                int count = (int) Math.min(segment, encryptor.chunkCount() - first);
                long length = Math.min(cipherSize, (first + count) * CHUNK) - first * CHUNK;
                BulkHttp.Answer answer;
                BulkHttp.Upload upload = http.upload(address, ticket, id, first * CHUNK, length);
                try {
                    for (int i = 0; i < count; i++) {
                        RelayChunks.checkCancelled(progress);
                        upload.write(encryptor.next());
                    }
                    answer = upload.finish();
                } catch (BulkHttp.BrokenException e) {
                    upload.abort();
                    return false;
                } catch (ServiceException | IOException | RuntimeException e) {
                    upload.abort();
                    throw e;
                }
                if (!(answer.frame() instanceof Response.AttachmentProgress confirmed) || answer.status() != 200) {
                    refused(answer.frame());
                    return false;
                }
                if (confirmed.chunksConfirmed() != first + count) {
                    return false;
                }
                sent += count;
                progress.progress(Math.min(plainSize, confirmed.chunksConfirmed() * AttachmentFormat.PLAIN_CHUNK_BYTES),
                        plainSize);
                if (confirmed.complete()) {
                    return true;
                }
                segment = UploadSegments.next(segment, java.time.Duration.ofNanos(System.nanoTime() - began));
            }
            return false;
        }

        private byte[] ticket() throws ServiceException, UnavailableException {
            Response answer = relay.exchange(new Request.BulkUploadTicket(id), ErrorCode.UNKNOWN_TYPE);
            if (answer instanceof Response.ErrorResponse) {
                throw new UnavailableException("the relay has no bulk path");
            }
            return ((Response.BulkTicket) answer).ticket();
        }

        /** Waits out a rate limit, forgets an expired ticket; refusals that end the upload are thrown. */
        private void refused(Response frame) throws ServiceException {
            if (!(frame instanceof Response.ErrorResponse error)) {
                return;
            }
            switch (error.code()) {
                case RATE_LIMITED:
                    RelayChunks.pause(error.retryAfterMillis());
                    return;
                case AUTH_FAILED:
                    ticket = null;
                    return;
                case INVALID_FIELD:
                    return;
                default:
                    throw RelayChunks.failure(error);
            }
        }
    }
}
