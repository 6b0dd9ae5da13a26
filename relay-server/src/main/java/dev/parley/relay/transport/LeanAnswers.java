package dev.parley.relay.transport;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The timer of lean connections (docs/protocol.md part 2, "Lean answers"): an unhurried answer that no other frame
 * took along is written when its delay ends. One thread for the whole listener, and at most one pending task per
 * connection however many answers wait.
 */
final class LeanAnswers implements AutoCloseable {
    /** The query parameter and value a client connects with to ask for lean answers: {@code /parley?answers=lean}. */
    static final String PARAMETER = "answers";
    static final String VALUE = "lean";

    private final ScheduledExecutorService timer;
    private final long delayNanos;

    LeanAnswers(Duration delay) {
        this.delayNanos = delay.toNanos();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "relay-lean-answers");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** Whether a connection's handshake query asked for lean answers. */
    static boolean asked(java.util.Map<String, java.util.List<String>> query) {
        java.util.List<String> values = query.get(PARAMETER);
        return values != null && values.contains(VALUE);
    }

    /** Runs {@code flush} once the delay is over (at once with a zero delay). */
    void later(Runnable flush) {
        if (delayNanos == 0) {
            flush.run();
            return;
        }
        try {
            timer.schedule(flush, delayNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            flush.run();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
