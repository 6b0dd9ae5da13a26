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
            if (limit.scope() == RateLimit.Scope.ADDRESS) {
                byAddress.put(limit, new ConcurrentHashMap<>());
            }
        }
    }

    /** Takes a token from the address's bucket of a per-address limit. */
    public void check(RateLimit limit, String address) throws RateLimitExceededException {
        if (limit.scope() != RateLimit.Scope.ADDRESS) {
            throw new IllegalArgumentException(limit + " is not a per-address limit");
        }
        take(limit, byAddress.get(limit).computeIfAbsent(address, a -> new TokenBucket(limits.spec(limit), clock)));
    }

    /** Buckets for one connection. */
    public ConnectionBuckets forConnection() {
        return new ConnectionBuckets();
    }

    /** Forgets per-address buckets that are full again; called periodically so memory does not grow with addresses. */
    public void evictIdle() {
        for (Map<String, TokenBucket> buckets : byAddress.values()) {
            buckets.values().removeIf(TokenBucket::isFull);
        }
    }

    private static void take(RateLimit limit, TokenBucket bucket) throws RateLimitExceededException {
        long retryAfter = bucket.tryTake();
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
            take(limit, bucket);
        }
    }
}
