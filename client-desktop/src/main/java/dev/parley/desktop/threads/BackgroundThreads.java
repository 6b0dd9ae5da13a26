package dev.parley.desktop.threads;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemon threads for the client's CPU-heavy background work that nobody waits for (the UI's heavy worker pool:
 * uploads with their image re-encoding, encryption and hashing, downloads to a file, thumbnails; the attachment
 * files' and decryption threads; the bulk HTTP client's), run at a lower scheduling priority than the UI thread, so
 * that when that work keeps every core busy the UI thread still gets one as soon as it has something to do (issue
 * #13: on 2 cores a burst of photos kept the FX thread runnable but waiting for a core for up to 100 ms). Work the
 * user waits for (unlock, history pages) stays on ordinary threads: against the JIT or another process it would
 * otherwise lose.
 *
 * <p>On Linux each thread raises its own nice value to {@value #NICE} when it starts ({@link LinuxNice}; the UI
 * thread keeps the process's, normally 0: the scheduler then gives a busy core to the UI thread at once and about 90%
 * of it while both want it). A thread already at {@value #NICE} or above (Parley started with {@code nice}) stays as
 * it is. Threads that a background thread starts inherit its nice value. Elsewhere the thread gets
 * {@link Thread#MIN_PRIORITY}, which Windows honours. A failure to lower the priority is logged once and never stops
 * the work.
 */
public final class BackgroundThreads implements ThreadFactory {
    /** The nice value of background threads on Linux. */
    public static final int NICE = 10;
    /** How HotSpot's JIT compiler threads are named in {@code /proc} (cut to 15 characters). */
    static final java.util.List<String> COMPILER_THREADS = java.util.List.of("C1 CompilerThre", "C2 CompilerThre");
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundThreads.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private BackgroundThreads(String name, boolean numbered) {
        this.name = Objects.requireNonNull(name);
        this.numbered = numbered;
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static BackgroundThreads numbered(String prefix) {
        return new BackgroundThreads(prefix, true);
    }

    /** Threads all named {@code name} (for a single-thread executor). */
    public static BackgroundThreads named(String name) {
        return new BackgroundThreads(name, false);
    }

    /** A fixed pool of {@code threads} background threads named {@code prefix-N}. */
    public static ExecutorService pool(String prefix, int threads) {
        return Executors.newFixedThreadPool(threads, numbered(prefix));
    }

    @Override
    public Thread newThread(Runnable work) {
        Objects.requireNonNull(work);
        Thread thread = new Thread(() -> {
            lowerCurrentThread();
            work.run();
        }, numbered ? name + "-" + count.incrementAndGet() : name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Lowers the JVM's JIT compiler threads to the background threads' priority, on Linux (elsewhere nothing): while a
     * fresh app compiles its code they take most of a core (8-9 s of CPU during a burst of 100 photos in the first
     * minute, more than the upload's workers), and the UI thread then waits behind them as it waited behind the
     * workers (issue #13). The app calls it once its first screen takes input, so start-up compiles at full
     * priority. A compiler thread the JVM adds later is started by one of these and inherits it. Returns how many
     * threads were lowered; never throws.
     */
    public static int lowerCompilerThreads() {
        try {
            return LinuxNice.available() ? LinuxNice.raiseThreadsTo(NICE, COMPILER_THREADS) : 0;
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    /** Lowers the calling thread's scheduling priority for good (see the class comment); never throws. */
    public static void lowerCurrentThread() {
        String problem;
        try {
            Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
            problem = LinuxNice.available() ? LinuxNice.raiseCurrentTo(NICE) : null;
        } catch (RuntimeException | LinkageError e) {
            problem = e.getClass().getSimpleName();
        }
        if (problem != null && WARNED.compareAndSet(false, true)) {
            LOG.warn("event=background_priority_unchanged reason=\"{}\"", problem);
        }
    }
}
