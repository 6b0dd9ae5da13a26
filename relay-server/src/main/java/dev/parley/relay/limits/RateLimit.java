package dev.parley.relay.limits;

/**
 * Every rate limit of the relay, in one place, with its scope and default bucket. Per-address limits are keyed by
 * the peer's IP address; per-connection limits by the WebSocket connection.
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
    STRIKES_PER_CONNECTION(Scope.CONNECTION, new BucketSpec(20, 1.0 / 30));

    /** What a limit's buckets are keyed by. */
    public enum Scope {
        ADDRESS,
        CONNECTION
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
