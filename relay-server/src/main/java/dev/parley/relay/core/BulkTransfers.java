package dev.parley.relay.core;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.AttachmentRefusedException;
import dev.parley.relay.store.AttachmentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk path of issue #13 (docs/protocol.md, "Bulk transfers"): attachment bodies over plain HTTP requests on the
 * relay's own listener, streamed between the request and the {@link AttachmentStore} one chunk at a time, each request
 * authorised by a ticket the relay issued over the authenticated WebSocket ({@link BulkTickets}). The rules are the
 * WebSocket frames' rules: only the uploader uploads, in order from the confirmed chunk on, each chunk confirmed once
 * written; downloads for the uploader, a named reader or the read token's holder; the per-account chunk rate limit
 * (waited out, not refused: a body cannot be paused otherwise). Transport-neutral: the transport maps HTTP to these
 * calls and the {@link Answer}s back.
 */
public final class BulkTransfers {
    private static final Logger LOG = LoggerFactory.getLogger(BulkTransfers.class);
    private static final int CHUNK = AttachmentFormat.CIPHER_CHUNK_BYTES;
    /** Bulk requests one account may have running at once. */
    static final int MAX_PER_ACCOUNT = 4;
    /** Longest wait for the chunk rate limit before a run ends (the client resumes from what was confirmed). */
    private static final long MAX_RATE_WAIT_MILLIS = 60_000;

    private final AttachmentStore store;
    private final RateLimiter limiter;
    private final RelayMetrics metrics;
    private final BulkTickets tickets;
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    BulkTransfers(AttachmentStore store, RateLimiter limiter, RelayMetrics metrics, BulkTickets tickets) {
        this.store = store;
        this.limiter = limiter;
        this.metrics = metrics;
        this.tickets = tickets;
    }

    /** An HTTP status and the frame that is the answer's body (CBOR), or for a served download no frame. */
    public record Answer(int status, Optional<Response> frame) {
        static Answer of(int status, Response frame) {
            return new Answer(status, Optional.of(frame));
        }

        static Answer error(int status, ErrorCode code, String reason) {
            return of(status, new Response.ErrorResponse(code, reason, 0));
        }
    }

    /** Where a download's body goes once it is known to be served. */
    @FunctionalInterface
    public interface DownloadTarget {
        /** Starts the answer (200, {@code bytes} long) and returns where its body goes. */
        OutputStream begin(long bytes) throws IOException;
    }

    static boolean handles(Request request) {
        return request instanceof Request.BulkUploadTicket || request instanceof Request.BulkDownloadTicket;
    }

    /** Issues a ticket over the WebSocket once the account is known to have the right the ticket grants. */
    Response issue(String username, Request request) throws AttachmentRefusedException {
        if (request instanceof Request.BulkUploadTicket upload) {
            store.progress(upload.attachmentId(), username);
            return ticket(new BulkTickets.Grant(BulkTickets.Kind.UPLOAD, username, upload.attachmentId(),
                    Optional.empty()));
        }
        Request.BulkDownloadTicket download = (Request.BulkDownloadTicket) request;
        store.read(download.attachmentId(), username, download.token(), 0);
        return ticket(new BulkTickets.Grant(BulkTickets.Kind.DOWNLOAD, username, download.attachmentId(),
                Optional.of(download.token().clone())));
    }

    private Response ticket(BulkTickets.Grant grant) {
        java.time.Instant expires = tickets.expiry();
        return new Response.BulkTicket(tickets.issue(grant, expires), expires.toEpochMilli());
    }

    /**
     * {@code PUT}: appends the body, {@code length} bytes starting at ciphertext byte {@code offset} (which must be
     * where the confirmed chunks end), chunk by chunk. A body that ends early leaves its whole chunks confirmed.
     */
    public Answer upload(byte[] ticket, byte[] id, long offset, long length, InputStream body) {
        Optional<BulkTickets.Grant> grant = tickets.verify(ticket, BulkTickets.Kind.UPLOAD, id);
        if (grant.isEmpty()) {
            return Answer.error(401, ErrorCode.AUTH_FAILED, "no valid upload ticket for this attachment");
        }
        String user = grant.get().username();
        if (!enter(user)) {
            return Answer.of(429, new Response.ErrorResponse(ErrorCode.RATE_LIMITED,
                    "too many transfers of this account at once", 1_000));
        }
        try {
            AttachmentStore.Progress progress = store.progress(id, user);
            if (progress.complete()) {
                return Answer.error(409, ErrorCode.INVALID_FIELD, "the upload is complete");
            }
            if (offset != progress.chunksConfirmed() * CHUNK) {
                return Answer.error(409, ErrorCode.INVALID_FIELD,
                        "the upload goes on at byte " + progress.chunksConfirmed() * CHUNK);
            }
            if (length < 0) {
                return Answer.error(411, ErrorCode.INVALID_FIELD, "a bulk upload states its Content-Length");
            }
            if (length > (progress.totalChunks() - progress.chunksConfirmed()) * CHUNK) {
                return Answer.error(413, ErrorCode.ATTACHMENT_TOO_LARGE, "the body is longer than the rest of the attachment");
            }
            ChunkReader reader = new ChunkReader(body, length, user);
            long before = progress.chunksConfirmed();
            try {
                progress = store.appendAll(id, user, before, reader);
            } catch (IOException e) {
                // The body ended early (the client went away): what was whole is confirmed, the client resumes.
                LOG.debug("event=bulk_upload_cut chunks={}", reader.chunks);
                progress = store.progress(id, user);
            } finally {
                metrics.attachmentChunksStored(confirmedNow(id, user, before) - before);
            }
            return Answer.of(200, new Response.AttachmentProgress(progress.chunksConfirmed(), progress.complete()));
        } catch (AttachmentRefusedException e) {
            return refused(e);
        } finally {
            leave(user);
        }
    }

    /**
     * {@code GET}: serves a complete attachment from ciphertext byte {@code offset} (a chunk boundary before its end)
     * to its end. A failure after the body began (the reader went away, the file was swept) is an IOException: the
     * transport then drops the connection, so the reader sees a short body.
     */
    public Answer download(byte[] ticket, byte[] id, long offset, DownloadTarget target) throws IOException {
        Optional<BulkTickets.Grant> grant = tickets.verify(ticket, BulkTickets.Kind.DOWNLOAD, id);
        if (grant.isEmpty()) {
            return Answer.error(401, ErrorCode.AUTH_FAILED, "no valid download ticket for this attachment");
        }
        String user = grant.get().username();
        byte[] token = grant.get().token().orElseThrow();
        if (!enter(user)) {
            return Answer.of(429, new Response.ErrorResponse(ErrorCode.RATE_LIMITED,
                    "too many transfers of this account at once", 1_000));
        }
        try {
            AttachmentStore.Chunk first = store.read(id, user, token, 0);
            long total = first.totalChunks();
            long size = total == 1 ? first.bytes().length
                    : (total - 1) * CHUNK + store.read(id, user, token, total - 1).bytes().length;
            if (offset < 0 || offset >= size || offset % CHUNK != 0) {
                return Answer.error(416, ErrorCode.INVALID_FIELD, "the offset must be a chunk boundary before the end ("
                        + size + " bytes, chunks of " + CHUNK + ")");
            }
            OutputStream out = target.begin(size - offset);
            store.readAll(id, user, token, offset / CHUNK, (bytes, length) -> {
                waitForRate(user);
                out.write(bytes, 0, length);
            });
            out.flush();
            return new Answer(200, Optional.empty());
        } catch (AttachmentRefusedException e) {
            return refused(e);
        } finally {
            leave(user);
        }
    }

    /** Chunks confirmed now, or {@code otherwise} when the upload is gone (deleted for lack of space). */
    private long confirmedNow(byte[] id, String user, long otherwise) {
        try {
            return store.progress(id, user).chunksConfirmed();
        } catch (AttachmentRefusedException e) {
            return otherwise;
        }
    }

    private static Answer refused(AttachmentRefusedException e) {
        switch (e.reason()) {
            case UNKNOWN:
                return Answer.error(404, ErrorCode.UNKNOWN_ATTACHMENT, "no such attachment");
            case STORAGE_FULL:
                return Answer.error(507, ErrorCode.STORAGE_FULL, e.getMessage());
            case QUOTA_EXCEEDED:
                return Answer.error(403, ErrorCode.QUOTA_EXCEEDED, e.getMessage());
            default:
                return Answer.error(409, ErrorCode.INVALID_FIELD, e.getMessage());
        }
    }

    private boolean enter(String user) {
        boolean[] admitted = {false};
        running.compute(user, (k, n) -> {
            int now = n == null ? 0 : n;
            admitted[0] = now < MAX_PER_ACCOUNT;
            return admitted[0] ? now + 1 : now;
        });
        return admitted[0];
    }

    private void leave(String user) {
        running.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Takes one chunk from the account's chunk bucket, waiting as long as the limit says (bounded). */
    private void waitForRate(String user) throws IOException {
        long waited = 0;
        while (true) {
            try {
                limiter.check(RateLimit.ATTACHMENT_CHUNKS_PER_ACCOUNT, user);
                return;
            } catch (RateLimitExceededException e) {
                long pause = Math.max(1, Math.min(e.retryAfterMillis(), 1_000));
                if (waited + pause > MAX_RATE_WAIT_MILLIS) {
                    throw new IOException("the chunk rate limit held the transfer too long");
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", interrupted);
                }
                waited += pause;
            }
        }
    }

    /** Cuts a body into chunks: full ones in one reused array, the last (shorter) in its own. */
    private final class ChunkReader implements AttachmentStore.ChunkSource {
        private final InputStream body;
        private final String user;
        private final byte[] full = new byte[CHUNK];
        private long left;
        long chunks;

        ChunkReader(InputStream body, long length, String user) {
            this.body = body;
            this.left = length;
            this.user = user;
        }

        @Override
        public byte[] next(long index) throws IOException {
            if (left == 0) {
                return null;
            }
            int length = (int) Math.min(CHUNK, left);
            byte[] chunk = length == CHUNK ? full : new byte[length];
            if (body.readNBytes(chunk, 0, length) < length) {
                throw new IOException("the body ended before its length");
            }
            left -= length;
            waitForRate(user);
            chunks++;
            return chunk;
        }
    }
}
