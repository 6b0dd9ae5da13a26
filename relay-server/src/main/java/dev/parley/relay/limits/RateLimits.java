package dev.parley.relay.limits;

import java.util.EnumMap;
import java.util.Map;

/** The bucket of every {@link RateLimit}: the defaults, with any overrides. Immutable. */
public final class RateLimits {
    private final Map<RateLimit, BucketSpec> specs;

    private RateLimits(Map<RateLimit, BucketSpec> specs) {
        this.specs = specs;
    }

    public static RateLimits defaults() {
        Map<RateLimit, BucketSpec> specs = new EnumMap<>(RateLimit.class);
        for (RateLimit limit : RateLimit.values()) {
            specs.put(limit, limit.defaultSpec());
        }
        return new RateLimits(specs);
    }

    public RateLimits with(RateLimit limit, BucketSpec spec) {
        Map<RateLimit, BucketSpec> copy = new EnumMap<>(specs);
        copy.put(limit, spec);
        return new RateLimits(copy);
    }

    public BucketSpec spec(RateLimit limit) {
        return specs.get(limit);
    }

    @Override
    public String toString() {
        return "RateLimits" + specs;
    }
}
