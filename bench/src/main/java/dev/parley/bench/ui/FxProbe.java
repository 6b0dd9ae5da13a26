package dev.parley.bench.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.HdrHistogram.Histogram;

/**
 * Measures how long the FX thread keeps events waiting: every {@code period} a probe is posted with
 * {@link Platform#runLater} (one at a time), and the delay from posting to running is recorded. A stall of the FX
 * thread of N ms shows as a probe delayed by about N ms, which is what a key press or a click would wait.
 */
final class FxProbe implements AutoCloseable {
    private final Histogram delays = new Histogram(3);
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-probe");
        t.setDaemon(true);
        return t;
    });

    FxProbe(long periodMillis) {
        timer.scheduleAtFixedRate(this::post, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void post() {
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            long delay = Math.max(1, System.nanoTime() - posted);
            synchronized (delays) {
                delays.recordValue(delay);
            }
            inFlight.set(false);
        });
    }

    /** Stops probing and returns the delays recorded, in nanoseconds. */
    Histogram stop() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (delays) {
            return delays.copy();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
