package dev.parley.relay.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relay service's own threads, split from {@link RelayService}: two for deliveries after a sign-in, one for the
 * expiry sweeps and attachment clean-ups, one for the direct-delivery grace timers. All daemon threads.
 */
final class RelayThreads {
    final ExecutorService delivery = Executors.newFixedThreadPool(2, named("relay-delivery"));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("relay-sweeper"));
    final ScheduledThreadPoolExecutor graceTimers = new ScheduledThreadPoolExecutor(1, named("relay-grace"));

    RelayThreads() {
        graceTimers.setRemoveOnCancelPolicy(true);
    }

    /** Stops the timers at once and lets deliveries in progress finish (at most 5 s). */
    void close() {
        scheduler.shutdownNow();
        graceTimers.shutdownNow();
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(5, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery.shutdownNow();
        }
    }

    /** Stops everything at once; for crash tests. */
    void halt() {
        scheduler.shutdownNow();
        graceTimers.shutdownNow();
        delivery.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
