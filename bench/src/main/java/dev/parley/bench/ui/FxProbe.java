package dev.parley.bench.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.HdrHistogram.Histogram;

/**
 * Measures how long the FX thread keeps events waiting: a probe is posted with {@link Platform#runLater} one period
 * after the previous one ran (one at a time), and its delay is counted from the moment it <em>should</em> have been
 * posted, not from when the timer got round to posting it (the way jHiccup counts). So a stop of the whole JVM (a GC
 * pause, a safepoint) that starts between two probes is counted too: it holds the timer thread as well, and counting
 * from the late posting would miss it unless a probe happened to be in flight. A stall of the FX thread of N ms shows
 * as a probe delayed by about N ms, which is what a key press or a click would wait. Probes
 * delayed more than {@value #LONG_STALL_MILLIS} ms are also kept with the JVM uptime they were due at, to line them
 * up with GC pauses ({@link GcPauses}, or {@code -Xlog:gc*:file=gc.log:uptime}), with the CPU time the FX thread
 * itself used between the previous probe and this one: a stall with little FX CPU in it waited (for a core, a lock,
 * a safepoint), one with about as much CPU as delay was work done on the FX thread. The FX thread's whole CPU time
 * while probing is {@link #fxCpuNanos()}.
 */
final class FxProbe implements AutoCloseable {
    static final long LONG_STALL_MILLIS = 50;
    private static final int LONGEST_WORK_KEPT = 8;
    private final long stallMillis;
    private final Histogram delays = new Histogram(3);
    /** The FX thread's CPU time between two probes, in nanoseconds: the FX work that held the later one. */
    private final Histogram workBetween = new Histogram(3);
    /** The intervals with the most FX work so far (at most {@value #LONGEST_WORK_KEPT}). */
    private final List<Work> longestWork = new ArrayList<>();
    private final List<Stall> stalls = new ArrayList<>();
    private final long uptimeAtStart = ManagementFactory.getRuntimeMXBean().getUptime();
    private final long nanosAtStart = System.nanoTime();
    private final long periodNanos;
    private volatile boolean closed;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** The FX thread's CPU time when the previous probe ran, and when the first one did (FX thread only). */
    private long lastCpu = -1;
    private long firstCpu = -1;
    private long lastCpuSeen;
    /** The FX thread's time runnable but not running (waiting for a core) when the previous probe ran, and the first. */
    private long lastWait = -1;
    private long firstWait = -1;
    private long lastWaitSeen;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-probe");
        t.setDaemon(true);
        return t;
    });

    FxProbe(long periodMillis) {
        this(periodMillis, LONG_STALL_MILLIS);
    }

    /** Probes every {@code periodMillis}, keeping the probes delayed more than {@code stallMillis} as stalls. */
    FxProbe(long periodMillis, long stallMillis) {
        this.stallMillis = stallMillis;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        long first = System.nanoTime();
        timer.execute(() -> post(first));
    }

    /** Posts the probe that was due at {@code due} (System.nanoTime), now or later if this thread was held. */
    private void post(long due) {
        if (closed) {
            return;
        }
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            long ran = System.nanoTime();
            long delay = Math.max(1, ran - due);
            if (!closed) {
                long next = ran + periodNanos;
                try {
                    timer.schedule(() -> post(next), periodNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopped) {
                    // stop() ran between the check and here: nothing more to probe
                }
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long cpuSincePrevious = lastCpu < 0 ? 0 : cpu - lastCpu;
            lastCpu = cpu;
            long wait = runQueueNanos();
            long waitSincePrevious = lastWait < 0 || wait < 0 ? 0 : wait - lastWait;
            lastWait = wait;
            long[] render = renderThreadTimes();
            double renderCpu = render == null || lastRender == null ? -1 : (render[0] - lastRender[0]) / 1e6;
            double renderWait = render == null || lastRender == null ? -1 : (render[1] - lastRender[1]) / 1e6;
            lastRender = render;
            synchronized (delays) {
                if (firstCpu < 0) {
                    firstCpu = cpu;
                    firstWait = wait;
                }
                lastCpuSeen = cpu;
                lastWaitSeen = wait;
                delays.recordValue(delay);
                if (cpuSincePrevious > 0) {
                    workBetween.recordValue(cpuSincePrevious);
                    keepIfLongest(new Work(uptimeAtStart + (due - nanosAtStart) / 1_000_000L,
                            cpuSincePrevious / 1_000_000.0, delay / 1_000_000.0));
                }
                if (delay > stallMillis * 1_000_000L) {
                    stalls.add(new Stall(uptimeAtStart + (due - nanosAtStart) / 1_000_000L, delay / 1_000_000.0,
                            cpuSincePrevious / 1_000_000.0, waitSincePrevious / 1_000_000.0,
                            Math.max(0, posted - due) / 1_000_000.0, (ran - posted) / 1_000_000.0, renderCpu,
                            renderWait));
                }
            }
        });
    }

    /** Stops probing and returns the delays recorded, in nanoseconds. */
    Histogram stop() throws InterruptedException {
        closed = true;
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (delays) {
            return delays.copy();
        }
    }

    /**
     * A probe that waited long: due at JVM uptime {@code postedAtMillis}, run {@code delayMillis} later; the FX
     * thread used {@code fxCpuMillis} of CPU since the previous probe ran (one period before this one was due) and
     * was runnable but waiting for a core for {@code runQueueMillis} of it (0 where schedstat is not readable). Of the
     * delay, {@code postedLateMillis} passed before the probe's own timer thread posted it (that thread was held: a
     * JVM-wide stop, or a wait for a core) and {@code queuedMillis} between its posting and its run on the FX thread.
     * JavaFX's render thread, which a pulse waits for while it draws the previous frame, used {@code renderCpuMillis}
     * of CPU and waited {@code renderWaitMillis} for a core in the same interval (-1 where not readable).
     */
    record Stall(long postedAtMillis, double delayMillis, double fxCpuMillis, double runQueueMillis,
                 double postedLateMillis, double queuedMillis, double renderCpuMillis, double renderWaitMillis) {
    }

    /**
     * The calling thread's time spent runnable but not running, waiting for a core (the second figure of
     * {@code /proc/thread-self/schedstat}, nanoseconds; Linux with schedstats), or -1 where it cannot be read.
     */
    static long runQueueNanos() {
        try {
            String[] f = java.nio.file.Files.readString(SCHEDSTAT).trim().split(" ");
            return Long.parseLong(f[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static final java.nio.file.Path SCHEDSTAT = java.nio.file.Path.of("/proc/thread-self/schedstat");

    /**
     * JavaFX's render thread ({@code QuantumRenderer-0}, which a pulse on the FX thread waits for when the previous
     * frame is not drawn yet): its {@code /proc/self/task/<tid>/schedstat}, or null where it cannot be found.
     */
    private static java.nio.file.Path renderThreadSchedstat() {
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(
                java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String comm = java.nio.file.Files.readString(task.resolve("comm")).trim();
                if (comm.startsWith("QuantumRenderer")) {
                    return task.resolve("schedstat");
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The render thread's {CPU, runnable-but-waiting} nanoseconds so far, or null where they cannot be read. */
    private long[] renderThreadTimes() {
        if (renderSchedstat == null) {
            renderSchedstat = renderThreadSchedstat();
        }
        if (renderSchedstat == null) {
            return null;
        }
        try {
            String[] f = java.nio.file.Files.readString(renderSchedstat).trim().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private java.nio.file.Path renderSchedstat;
    /** The render thread's times when the previous probe ran (FX thread only). */
    private long[] lastRender;

    /** The FX thread's time waiting for a core from the first probe to the last so far (ns; -1 if not known). */
    long fxRunQueueNanos() {
        synchronized (delays) {
            return firstWait < 0 || lastWaitSeen < 0 ? -1 : lastWaitSeen - firstWait;
        }
    }

    /**
     * The FX thread's CPU time between two consecutive probes, in nanoseconds: an upper bound of the longest piece of
     * work (an event, a pulse) that held a probe back, whatever the load. On an idle machine a probe waits about this
     * long; on a loaded one it waits longer for a core, which this does not count.
     */
    Histogram workBetweenProbes() {
        synchronized (delays) {
            return workBetween.copy();
        }
    }

    /** The intervals between probes with the most FX-thread CPU, most first. */
    List<Work> longestWork() {
        synchronized (delays) {
            return List.copyOf(longestWork);
        }
    }

    /**
     * Prints the FX thread's CPU between two probes: the work that held a probe back, which on an idle machine is
     * about how long the probe waited, and which a loaded machine only stretches (a figure of the code, not of the
     * load); then the largest intervals with their JVM uptime.
     */
    void printWork() {
        Histogram work = workBetweenProbes();
        System.out.printf("  FX-thread CPU between two probes (the FX work that held one back; the wait on an idle "
                        + "machine): p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; intervals with over 16 ms: %d, "
                        + "over 25 ms: %d, over 50 ms: %d%n",
                work.getValueAtPercentile(99) / 1e6, work.getValueAtPercentile(99.9) / 1e6, work.getMaxValue() / 1e6,
                over(work, 16), over(work, 25), over(work, 50));
        for (Work w : longestWork()) {
            System.out.printf("    FX work at %,d ms uptime: %.1f ms of FX-thread CPU (the probe waited %.1f ms)%n",
                    w.postedAtMillis(), w.fxCpuMillis(), w.delayMillis());
        }
    }

    private static long over(Histogram h, long millis) {
        return h.getTotalCount() - h.getCountBetweenValues(0, TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private void keepIfLongest(Work work) {
        if (longestWork.size() < LONGEST_WORK_KEPT
                || work.fxCpuMillis() > longestWork.get(longestWork.size() - 1).fxCpuMillis()) {
            longestWork.add(work);
            longestWork.sort(java.util.Comparator.comparingDouble(Work::fxCpuMillis).reversed());
            if (longestWork.size() > LONGEST_WORK_KEPT) {
                longestWork.remove(longestWork.size() - 1);
            }
        }
    }

    /**
     * FX work between two probes: the later probe posted at JVM uptime {@code postedAtMillis}, the FX thread used
     * {@code fxCpuMillis} since the previous probe ran, and the probe waited {@code delayMillis}.
     */
    record Work(long postedAtMillis, double fxCpuMillis, double delayMillis) {
    }

    /** The FX thread's CPU time from the first probe to the last so far, in nanoseconds. */
    long fxCpuNanos() {
        synchronized (delays) {
            return firstCpu < 0 ? 0 : lastCpuSeen - firstCpu;
        }
    }

    /** The delay over which a probe is kept as a stall, in ms. */
    long stallMillis() {
        return stallMillis;
    }

    /** The probes delayed more than {@link #stallMillis()} so far, in order. */
    List<Stall> longStalls() {
        synchronized (delays) {
            return List.copyOf(stalls);
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
