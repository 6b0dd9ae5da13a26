package dev.parley.relay.limits;

import java.time.Clock;

/** A thread-safe token bucket on an injected clock. */
public final class TokenBucket {
    private final BucketSpec spec;
    private final Clock clock;
    private double tokens;
    private long lastRefillMillis;

    public TokenBucket(BucketSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
        this.tokens = spec.burst();
        this.lastRefillMillis = clock.millis();
    }

    /**
     * Takes one token.
     *
     * @return 0 when a token was taken, otherwise the milliseconds until one will be available (nothing taken)
     */
    public long tryTake() {
        return tryTake(1);
    }

    /**
     * Takes {@code count} tokens at once, or none. A request larger than the burst can never succeed: it is refused
     * with the time the full bucket takes to refill.
     *
     * @return 0 when the tokens were taken, otherwise the milliseconds until they will be available (nothing taken)
     */
    public synchronized long tryTake(long count) {
        if (spec.unlimited()) {
            return 0;
        }
        refill();
        if (tokens >= count) {
            tokens -= count;
            return 0;
        }
        double missing = Math.min(count, spec.burst()) - tokens;
        return Math.max(1, (long) Math.ceil(Math.max(missing, 1e-9) / spec.perSecond() * 1000));
    }

    /** True when the bucket is full again, so forgetting it changes nothing. */
    public synchronized boolean isFull() {
        refill();
        return tokens >= spec.burst();
    }

    private void refill() {
        long now = clock.millis();
        if (now > lastRefillMillis) {
            tokens = Math.min(spec.burst(), tokens + (now - lastRefillMillis) / 1000.0 * spec.perSecond());
            lastRefillMillis = now;
        }
    }
}
