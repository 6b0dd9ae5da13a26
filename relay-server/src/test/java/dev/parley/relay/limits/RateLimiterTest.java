package dev.parley.relay.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.crypto.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void aBucketAllowsItsBurstThenRefillsAtItsRateAndSaysWhenToRetry() throws Exception {
        RateLimiter limiter = new RateLimiter(RateLimits.defaults().with(RateLimit.AUTH_PER_ADDRESS, new BucketSpec(3, 2)), clock);
        for (int i = 0; i < 3; i++) {
            limiter.check(RateLimit.AUTH_PER_ADDRESS, "10.0.0.1");
        }
        RateLimitExceededException e = catchThrowableOfType(RateLimitExceededException.class,
                () -> limiter.check(RateLimit.AUTH_PER_ADDRESS, "10.0.0.1"));
        assertThat(e.limit()).isEqualTo(RateLimit.AUTH_PER_ADDRESS);
        assertThat(e.retryAfterMillis()).isEqualTo(500);
        limiter.check(RateLimit.AUTH_PER_ADDRESS, "10.0.0.2");
        clock.advance(Duration.ofMillis(500));
        limiter.check(RateLimit.AUTH_PER_ADDRESS, "10.0.0.1");
        assertThatThrownBy(() -> limiter.check(RateLimit.AUTH_PER_ADDRESS, "10.0.0.1"))
                .isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void connectionBucketsAreIndependentAndScopesAreChecked() throws Exception {
        RateLimiter limiter = new RateLimiter(RateLimits.defaults().with(RateLimit.SEND_PER_CONNECTION, new BucketSpec(1, 1)), clock);
        RateLimiter.ConnectionBuckets a = limiter.forConnection();
        RateLimiter.ConnectionBuckets b = limiter.forConnection();
        a.check(RateLimit.SEND_PER_CONNECTION);
        assertThatThrownBy(() -> a.check(RateLimit.SEND_PER_CONNECTION)).isInstanceOf(RateLimitExceededException.class);
        b.check(RateLimit.SEND_PER_CONNECTION);
        assertThatThrownBy(() -> a.check(RateLimit.SEND_PER_ADDRESS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.check(RateLimit.SEND_PER_CONNECTION, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unlimitedNeverRunsOutAndFullBucketsAreForgotten() throws Exception {
        RateLimiter limiter = new RateLimiter(RateLimits.defaults().with(RateLimit.SEND_PER_ADDRESS, BucketSpec.UNLIMITED), clock);
        for (int i = 0; i < 100_000; i++) {
            limiter.check(RateLimit.SEND_PER_ADDRESS, "10.0.0.1");
        }
        TokenBucket bucket = new TokenBucket(new BucketSpec(2, 1), clock);
        bucket.tryTake();
        assertThat(bucket.isFull()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(bucket.isFull()).isTrue();
    }
}
