package dev.parley.relay.limits;

/**
 * Every rate limit of the relay, in one place, with its scope and default bucket. Per-address limits are keyed by
 * the peer's IP address, per-connection limits by the WebSocket connection and per-account limits by the
 * authenticated username.
 */
public enum RateLimit {
    /** Registrations from one address: 5 at once, then one every 12 minutes. */
    REGISTER_PER_ADDRESS(Scope.ADDRESS, new BucketSpec(5, 5.0 / 3600)),
    /** Authentication attempts from one address: 20 at once, then one a second. */
    AUTH_PER_ADDRESS(Scope.ADDRESS, new BucketSpec(20, 1)),
    /** Sends (stored and ephemeral) on one connection. */
    SEND_PER_CONNECTION(Scope.CONNECTION, new BucketSpec(200, 100)),
    /** Sends from one address over all its connections. */
    SEND_PER_ADDRESS(Scope.ADDRESS, new BucketSpec(2000, 1000)),
    /** Directory lookups (prekey bundle fetches) on one connection. */
    DIRECTORY_PER_CONNECTION(Scope.CONNECTION, new BucketSpec(30, 0.5)),
    /** Directory lookups from one address. */
    DIRECTORY_PER_ADDRESS(Scope.ADDRESS, new BucketSpec(100, 2)),
    /** Rejected frames one connection may cause before the relay closes it (policy violation). */
    STRIKES_PER_CONNECTION(Scope.CONNECTION, new BucketSpec(20, 1.0 / 30)),
    /**
     * Prekey uploads by one account: 30 at once, then 30 an hour (a frame carries at most 5 one-time KEM prekeys, so
     * filling a stock of 100 one-time prekey sets takes 20 frames).
     */
    UPLOAD_PREKEYS_PER_ACCOUNT(Scope.ACCOUNT, new BucketSpec(30, 30.0 / 3600)),
    /** Exact-username lookups by one account (issue #14): 20 at once, then one every 6 s; never a way to enumerate. */
    LOOKUP_PER_ACCOUNT(Scope.ACCOUNT, new BucketSpec(20, 1.0 / 6)),
    /**
     * Bytes one account may have the relay store for others (blobs that could not be pushed straight to an online
     * recipient), one token a byte: 256 MiB at once, then 256 MiB per 30 days. As a blob lives at most the message
     * TTL, one sender never has more than burst + rate x TTL bytes stored (512 MiB with the defaults).
     */
    STORED_BYTES_PER_ACCOUNT(Scope.ACCOUNT, new BucketSpec(256 << 20, (256 << 20) / (30 * 86_400.0))),
    /**
     * Recipients of multi-recipient sends ({@code send_multi}) by one account, one token a recipient: 10,000 at once
     * (ten messages to a 1,000-member group), then 2,000/s. A spent bucket is that recipient's {@code RATE_LIMITED}.
     */
    MULTI_RECIPIENTS_PER_ACCOUNT(Scope.ACCOUNT, new BucketSpec(10_000, 2_000)),
    /**
     * Attachment uploads begun by one account: 100 at once (a burst of 100 photos dropped on a chat, issue #13), then
     * one every 2 s. The quota and the chunk limit bound what the uploads store and move.
     */
    ATTACHMENT_BEGIN_PER_ACCOUNT(Scope.ACCOUNT, new BucketSpec(100, 0.5)),
    /** Attachment chunks (uploaded and downloaded) by one account: 8192 at once, then 4096/s (128 MiB/s). */
    ATTACHMENT_CHUNKS_PER_ACCOUNT(Scope.ACCOUNT, new BucketSpec(8192, 4096));

    /** What a limit's buckets are keyed by. */
    public enum Scope {
        ADDRESS,
        CONNECTION,
        /** keyed by the authenticated username */
        ACCOUNT
    }

    private final Scope scope;
    private final BucketSpec defaultSpec;

    RateLimit(Scope scope, BucketSpec defaultSpec) {
        this.scope = scope;
        this.defaultSpec = defaultSpec;
    }

    public Scope scope() {
        return scope;
    }

    public BucketSpec defaultSpec() {
        return defaultSpec;
    }
}
