package dev.parley.desktop.net;

import dev.parley.crypto.primitives.RandomSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff with "equal jitter": the ceiling for attempt n is {@code min(max, initial * 2^(n-1))}; the
 * delay is half the ceiling plus a uniformly random part of the other half, so clients that lost the same relay
 * spread out but never retry immediately. Randomness is injected so the schedule can be tested exactly.
 */
public final class ExponentialBackoff implements ReconnectPolicy {
    /** 500 ms doubling up to one minute. */
    public static ExponentialBackoff standard(RandomSource random) {
        return new ExponentialBackoff(Duration.ofMillis(500), Duration.ofMinutes(1), random);
    }

    private final Duration initial;
    private final Duration max;
    private final RandomSource random;

    public ExponentialBackoff(Duration initial, Duration max, RandomSource random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = Objects.requireNonNull(random);
    }

    /** The ceiling for attempt {@code attempt} before jitter. */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
        int shift = Math.min(attempt - 1, 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    @Override
    public Duration delayBeforeAttempt(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        long half = ceiling / 2;
        long span = ceiling - half;
        long jitter = span == 0 ? 0 : Math.floorMod(ByteBuffer.wrap(random.bytes(8)).getLong(), span + 1);
        return Duration.ofMillis(half + jitter);
    }
}
