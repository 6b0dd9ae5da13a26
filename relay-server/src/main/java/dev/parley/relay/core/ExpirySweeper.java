package dev.parley.relay.core;

import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A scheduled service that deletes expired blobs (and forgets idle per-address rate-limit buckets). */
final class ExpirySweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);

    private final BlobStore blobs;
    private final RateLimiter limiter;
    private final Clock clock;
    private final RelayMetrics metrics;
    private final ScheduledFuture<?> task;

    ExpirySweeper(BlobStore blobs, RateLimiter limiter, Clock clock, RelayMetrics metrics,
                  ScheduledExecutorService scheduler, Duration interval) {
        this.blobs = blobs;
        this.limiter = limiter;
        this.clock = clock;
        this.metrics = metrics;
        this.task = scheduler.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            int deleted = blobs.deleteExpired(clock.instant());
            if (deleted > 0) {
                metrics.expired(deleted);
                LOG.info("Deleted {} expired blobs", deleted);
            }
            limiter.evictIdle();
        } catch (RuntimeException e) {
            LOG.warn("Expiry sweep failed; retrying at the next interval", e);
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
