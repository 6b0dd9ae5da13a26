package dev.parley.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * What the relay accepts for attachments (docs/protocol.md, "Attachments"): part of {@link ServerOptions}.
 *
 * @param maxBytes   largest attachment, in ciphertext bytes (default 100 MiB, at most 2 GiB + tags)
 * @param quotaBytes most ciphertext bytes one uploading account may have stored and reserved (default 2 GiB)
 * @param ttl        how long an attachment is kept after its upload began (default 30 days)
 * @param bulk       whether bodies may also travel over HTTP on the relay's listener (issue #13, docs/protocol.md
 *                   "Bulk transfers"; default on). Off, the relay answers ticket requests {@code UNKNOWN_TYPE}, as a
 *                   relay without the bulk path does, and clients use the WebSocket frames
 */
public record AttachmentLimits(long maxBytes, long quotaBytes, Duration ttl, boolean bulk) {
    /** The largest value {@link #maxBytes} may take: a 2 GiB file, padded, with its tags. */
    public static final long MAX_BYTES_CEILING = 2L * 1024 * 1024 * 1024 * 21 / 20 + (1L << 20);

    public AttachmentLimits {
        Objects.requireNonNull(ttl, "ttl");
        if (maxBytes < 1 || maxBytes > MAX_BYTES_CEILING) {
            throw new IllegalArgumentException("the attachment size limit must be between 1 byte and 2 GiB");
        }
        if (quotaBytes < 1) {
            throw new IllegalArgumentException("the attachment quota must be positive");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the attachment TTL must be positive");
        }
    }

    /** Limits with the bulk path on. */
    public AttachmentLimits(long maxBytes, long quotaBytes, Duration ttl) {
        this(maxBytes, quotaBytes, ttl, true);
    }

    /** 100 MiB per attachment, 2 GiB per account, 30 days, the bulk path on. */
    public static AttachmentLimits defaults() {
        return new AttachmentLimits(100L << 20, 2L << 30, Duration.ofDays(30));
    }

    public AttachmentLimits withMaxBytes(long value) {
        return new AttachmentLimits(value, quotaBytes, ttl, bulk);
    }

    public AttachmentLimits withQuotaBytes(long value) {
        return new AttachmentLimits(maxBytes, value, ttl, bulk);
    }

    public AttachmentLimits withTtl(Duration value) {
        return new AttachmentLimits(maxBytes, quotaBytes, value, bulk);
    }

    public AttachmentLimits withBulk(boolean value) {
        return new AttachmentLimits(maxBytes, quotaBytes, ttl, value);
    }
}
