package dev.parley.relay.core;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Usernames;
import dev.parley.relay.AttachmentLimits;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.AttachmentRefusedException;
import dev.parley.relay.store.AttachmentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment frames (docs/protocol.md, "Attachments"): size limit, quota, readers and rate limits in front of the
 * {@link AttachmentStore}, and the sweep of expired attachments. Every refusal changes nothing.
 */
final class AttachmentRequests implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentRequests.class);
    private final AttachmentStore store;
    private final AttachmentLimits limits;
    private final AccountStore accounts;
    private final RateLimiter limiter;
    private final Clock clock;
    private final ScheduledFuture<?> sweeps;
    private final RelayMetrics metrics;
    private final BulkTransfers bulk;

    /** @param ticketKey the 32-byte key of the bulk path's tickets ({@link BulkTickets}) */
    AttachmentRequests(AttachmentStore store, AttachmentLimits limits, AccountStore accounts, RateLimiter limiter,
                       Clock clock, ScheduledExecutorService scheduler, java.time.Duration sweepInterval,
                       RelayMetrics metrics, byte[] ticketKey) {
        this.store = store;
        this.bulk = new BulkTransfers(store, limiter, metrics, new BulkTickets(ticketKey, clock));
        this.metrics = metrics;
        this.limits = limits;
        this.accounts = accounts;
        this.limiter = limiter;
        this.clock = clock;
        this.sweeps = scheduler.scheduleWithFixedDelay(this::sweep, sweepInterval.toMillis(), sweepInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static boolean handles(Request request) {
        return request instanceof Request.AttachmentBegin || request instanceof Request.AttachmentPut
                || request instanceof Request.AttachmentStatus || request instanceof Request.AttachmentGet
                || request instanceof Request.AttachmentBeginShared || request instanceof Request.AttachmentGetShared
                || BulkTransfers.handles(request);
    }

    /** The bulk path (HTTP bodies) over the same store, limits and accounts. */
    BulkTransfers bulk() {
        return bulk;
    }

    Response handle(String username, Request request) throws RequestRejectedException, RateLimitExceededException {
        try {
            if (request instanceof Request.AttachmentBegin begin) {
                checkReaders(begin.readers());
                return begin(username, begin.size(), begin.readers(), null);
            }
            if (request instanceof Request.AttachmentBeginShared shared) {
                return begin(username, shared.size(), List.of(), shared.tokenHash());
            }
            if (request instanceof Request.AttachmentPut put) {
                limiter.check(RateLimit.ATTACHMENT_CHUNKS_PER_ACCOUNT, username);
                AttachmentStore.Progress progress = store.append(put.attachmentId(), username, put.index(), put.chunk());
                metrics.attachmentChunkStored();
                return progress(progress);
            }
            if (BulkTransfers.handles(request)) {
                if (!limits.bulk()) {
                    throw new RequestRejectedException(ErrorCode.UNKNOWN_TYPE, "this relay has no bulk path");
                }
                return bulk.issue(username, request);
            }
            if (request instanceof Request.AttachmentStatus status) {
                return progress(store.progress(status.attachmentId(), username));
            }
            if (request instanceof Request.AttachmentGetShared shared) {
                return chunk(username, shared.attachmentId(), shared.token(), shared.index());
            }
            Request.AttachmentGet get = (Request.AttachmentGet) request;
            return chunk(username, get.attachmentId(), null, get.index());
        } catch (AttachmentRefusedException e) {
            throw new RequestRejectedException(codeOf(e.reason()), e.getMessage());
        }
    }

    private Response chunk(String username, byte[] id, byte[] token, long index)
            throws RateLimitExceededException, AttachmentRefusedException {
        limiter.check(RateLimit.ATTACHMENT_CHUNKS_PER_ACCOUNT, username);
        AttachmentStore.Chunk chunk = store.read(id, username, token, index);
        return new Response.AttachmentChunk(index, chunk.bytes(), chunk.totalChunks());
    }

    private void checkReaders(List<String> readers) throws RequestRejectedException {
        for (String reader : readers) {
            if (!Usernames.isValid(reader) || accounts.find(reader).isEmpty()) {
                throw new RequestRejectedException(ErrorCode.UNKNOWN_USER, "a reader is not registered on this relay");
            }
        }
    }

    /** @param tokenHash null for an attachment only the uploader and {@code readers} may download */
    private Response begin(String username, long size, List<String> readers, byte[] tokenHash)
            throws RequestRejectedException, RateLimitExceededException, AttachmentRefusedException {
        if (size > limits.maxBytes()) {
            throw new RequestRejectedException(ErrorCode.ATTACHMENT_TOO_LARGE,
                    "attachments on this relay are at most " + limits.maxBytes() + " bytes (encrypted)");
        }
        if (AttachmentFormat.chunkCountOfCiphertext(size) < 1) {
            throw new RequestRejectedException(ErrorCode.INVALID_FIELD, "an encrypted attachment is at least 17 bytes");
        }
        limiter.check(RateLimit.ATTACHMENT_BEGIN_PER_ACCOUNT, username);
        Instant expires = clock.instant().plus(limits.ttl());
        byte[] id = store.reserve(username, readers, tokenHash, size, expires, limits.quotaBytes());
        metrics.attachmentBegun();
        LOG.debug("event=attachment_begun chunks={} shared={}", AttachmentFormat.chunkCountOfCiphertext(size),
                tokenHash != null);
        return new Response.AttachmentCreated(id, AttachmentFormat.CIPHER_CHUNK_BYTES, expires.toEpochMilli());
    }

    private static Response progress(AttachmentStore.Progress progress) {
        return new Response.AttachmentProgress(progress.chunksConfirmed(), progress.complete());
    }

    private static ErrorCode codeOf(AttachmentRefusedException.Reason reason) {
        switch (reason) {
            case QUOTA_EXCEEDED:
                return ErrorCode.QUOTA_EXCEEDED;
            case STORAGE_FULL:
                return ErrorCode.STORAGE_FULL;
            case UNKNOWN:
                return ErrorCode.UNKNOWN_ATTACHMENT;
            default:
                return ErrorCode.INVALID_FIELD;
        }
    }

    /** Deletes expired attachments; never throws (a failure is logged and retried at the next sweep). */
    void sweep() {
        try {
            store.sweep(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("event=attachment_sweep_failed error={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        sweeps.cancel(false);
        store.close();
    }
}
