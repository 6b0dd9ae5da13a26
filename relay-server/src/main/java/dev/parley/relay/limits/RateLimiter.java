package dev.parley.relay.limits;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for every {@link RateLimit}. Per-address buckets live here, keyed by address; per-connection
 * buckets live in a {@link ConnectionBuckets} that the connection owns and drops when it closes.
 */
public final class RateLimiter {
    private final RateLimits limits;
    private final Clock clock;
    private final Map<RateLimit, Map<String, TokenBucket>> byAddress = new EnumMap<>(RateLimit.class);

    public RateLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        for (RateLimit limit : RateLimit.values()) {
            if (limit.scope() != RateLimit.Scope.CONNECTION) {
                byAddress.put(limit, new ConcurrentHashMap<>());
            }
        }
    }

    /** Takes a token from the key's bucket of a per-address (key: the address) or per-account (the username) limit. */
    public void check(RateLimit limit, String key) throws RateLimitExceededException {
        take(limit, keyed(limit, key), 1);
    }

    /** Takes {@code tokens} tokens at once (all or none), from a per-address or per-account limit. */
    public void check(RateLimit limit, String key, long tokens) throws RateLimitExceededException {
        take(limit, keyed(limit, key), tokens);
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
