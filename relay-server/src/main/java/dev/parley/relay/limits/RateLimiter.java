package dev.parley.relay.limits;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Token buckets for every {@link RateLimit}. Per-address buckets live here, keyed by address; per-connection
 * buckets live in a {@link ConnectionBuckets} that the connection owns and drops when it closes. Per-account buckets
 * live here too, or, on a cluster node with {@link SharedBuckets}, in the buckets every node shares, so an account
 * that reconnects to another node does not get a fresh budget; while those cannot be reached they are counted here
 * (per node) and {@link #sharedNow()} says so.
 */
public final class RateLimiter {
    /** After the shared buckets failed, how long per-account limits are counted on this node before trying again. */
    public static final long SHARED_RETRY_MILLIS = 1_000;

    private final RateLimits limits;
    private final Clock clock;
    private final Map<RateLimit, Map<String, TokenBucket>> byAddress = new EnumMap<>(RateLimit.class);
    private final Optional<SharedBuckets> shared;
    private final LongAdder localFallbacks = new LongAdder();
    /** Until when (clock millis) per-account limits are counted locally because the shared buckets failed. */
    private volatile long localUntilMillis = Long.MIN_VALUE;
    /** Whether the last attempt on the shared buckets failed. */
    private volatile boolean sharedFailing;

    public RateLimiter(RateLimits limits, Clock clock) {
        this(limits, clock, Optional.empty());
    }

    /**
     * @param shared when present (a cluster node with a bus), per-account limits are counted cluster-wide in these
     *               buckets; while they cannot be reached, on this node alone (see {@link #sharedNow()})
     */
    public RateLimiter(RateLimits limits, Clock clock, Optional<SharedBuckets> shared) {
        this.limits = limits;
        this.clock = clock;
        this.shared = shared;
        for (RateLimit limit : RateLimit.values()) {
            if (limit.scope() != RateLimit.Scope.CONNECTION) {
                byAddress.put(limit, new ConcurrentHashMap<>());
            }
        }
    }

    /** Takes a token from the key's bucket of a per-address (key: the address) or per-account (the username) limit. */
    public void check(RateLimit limit, String key) throws RateLimitExceededException {
        check(limit, key, 1);
    }

    /** Takes {@code tokens} tokens at once (all or none), from a per-address or per-account limit. */
    public void check(RateLimit limit, String key, long tokens) throws RateLimitExceededException {
        if (limit.scope() == RateLimit.Scope.ACCOUNT && shared.isPresent() && !limits.spec(limit).unlimited()) {
            long now = clock.millis();
            if (now >= localUntilMillis) {
                try {
                    long retryAfter = shared.get().tryTake(limit, key, limits.spec(limit), tokens, now);
                    sharedFailing = false;
                    if (retryAfter > 0) {
                        throw new RateLimitExceededException(limit, retryAfter);
                    }
                    return;
                } catch (SharedBuckets.UnavailableException e) {
                    localUntilMillis = now + SHARED_RETRY_MILLIS;
                    sharedFailing = true;
                }
            }
            localFallbacks.increment();
        }
        take(limit, keyed(limit, key), tokens);
    }

    /**
     * Empty on a node without shared buckets; otherwise whether per-account limits are counted cluster-wide now
     * (false from a failed attempt until the next one, made at most {@value #SHARED_RETRY_MILLIS} ms later, succeeds).
     */
    public Optional<Boolean> sharedNow() {
        return shared.map(s -> !sharedFailing);
    }

    /** Per-account checks counted on this node alone because the shared buckets could not be reached. */
    public long localFallbacks() {
        return localFallbacks.sum();
    }

    private TokenBucket keyed(RateLimit limit, String key) {
        if (limit.scope() == RateLimit.Scope.CONNECTION) {
            throw new IllegalArgumentException(limit + " is a per-connection limit");
        }
        return byAddress.get(limit).computeIfAbsent(key, a -> new TokenBucket(limits.spec(limit), clock));
    }

    /** Buckets for one connection. */
    public ConnectionBuckets forConnection() {
        return new ConnectionBuckets();
    }

    /** Forgets per-address and per-account buckets that are full again; called periodically so memory does not grow with addresses. */
    public void evictIdle() {
        for (Map<String, TokenBucket> buckets : byAddress.values()) {
            buckets.values().removeIf(TokenBucket::isFull);
        }
    }

    private static void take(RateLimit limit, TokenBucket bucket, long tokens) throws RateLimitExceededException {
        long retryAfter = bucket.tryTake(tokens);
        if (retryAfter > 0) {
            throw new RateLimitExceededException(limit, retryAfter);
        }
    }

    /** The per-connection buckets of one connection, created lazily. */
    public final class ConnectionBuckets {
        private final Map<RateLimit, TokenBucket> buckets = new EnumMap<>(RateLimit.class);

        private ConnectionBuckets() {
        }

        public void check(RateLimit limit) throws RateLimitExceededException {
            if (limit.scope() != RateLimit.Scope.CONNECTION) {
                throw new IllegalArgumentException(limit + " is not a per-connection limit");
            }
            TokenBucket bucket;
            synchronized (buckets) {
                bucket = buckets.computeIfAbsent(limit, l -> new TokenBucket(limits.spec(l), clock));
            }
            take(limit, bucket, 1);
        }
    }
}
