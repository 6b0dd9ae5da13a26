package dev.parley.desktop.ui.main;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Removals of messages (a disappearing sweep removes them in batches of hundreds, one event per batch and
 * conversation) reach the view models gathered: the events are collected on whichever thread publishes them, and one
 * task on the UI thread hands over everything collected until it runs, one call per conversation with all its
 * removed ids. Hand-overs are at least {@link #MIN_GAP} apart: a removal after a quiet moment (a message the user
 * deleted) shows at once, and a sweep of 100,000 messages, whose 200 events come every 25 ms or so, updates the open
 * chat about five times a second instead of at every event. Each update is a frame to draw, and with software
 * rendering a frame of the chat costs the render thread 15-19 ms of CPU, which the UI thread's next pulse waits for
 * (docs/benchmarks.md, "s13"): fewer frames, fewer such waits.
 */
final class RemovalBatches {
    /** The least time between two hand-overs to the view models. */
    static final Duration MIN_GAP = Duration.ofMillis(200);

    /** Runs a task on some thread after a delay. */
    @FunctionalInterface
    interface Later {
        void after(long nanos, Runnable task);
    }

    private final Executor uiThread;
    private final Later later;
    private final LongSupplier nanoTime;
    private final BiConsumer<String, Set<String>> apply;
    private Map<String, Set<String>> pending = new LinkedHashMap<>();
    private boolean posted;
    private boolean handedOver;
    private long lastHandOver;

    /** {@code apply} gets a conversation and the ids removed from it, on the UI thread. */
    RemovalBatches(Executor uiThread, BiConsumer<String, Set<String>> apply) {
        this(uiThread, Timer::after, System::nanoTime, apply);
    }

    RemovalBatches(Executor uiThread, Later later, LongSupplier nanoTime, BiConsumer<String, Set<String>> apply) {
        this.uiThread = Objects.requireNonNull(uiThread);
        this.later = Objects.requireNonNull(later);
        this.nanoTime = Objects.requireNonNull(nanoTime);
        this.apply = Objects.requireNonNull(apply);
    }

    /** Collects removed messages of {@code conversation}; any thread. */
    void removed(String conversation, Iterable<String> messageIds) {
        long wait;
        synchronized (this) {
            Set<String> ids = pending.computeIfAbsent(conversation, c -> new HashSet<>());
            messageIds.forEach(ids::add);
            if (posted) {
                return;
            }
            posted = true;
            wait = handedOver ? lastHandOver + MIN_GAP.toNanos() - nanoTime.getAsLong() : 0;
        }
        if (wait <= 0) {
            uiThread.execute(this::drain);
        } else {
            later.after(wait, () -> uiThread.execute(this::drain));
        }
    }

    private void drain() {
        Map<String, Set<String>> batch;
        synchronized (this) {
            batch = pending;
            pending = new LinkedHashMap<>();
            posted = false;
            handedOver = true;
            lastHandOver = nanoTime.getAsLong();
        }
        batch.forEach(apply);
    }

    /** One daemon thread for the delayed hand-overs of every profile opened in this JVM; it only posts. */
    private static final class Timer {
        private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-ui-removals");
            t.setDaemon(true);
            return t;
        });

        static void after(long nanos, Runnable task) {
            THREAD.schedule(task, nanos, TimeUnit.NANOSECONDS);
        }
    }
}
