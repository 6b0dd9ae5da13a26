package dev.parley.bench.group;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * CPU time of chosen threads between a snapshot and now (threads started after the snapshot count from zero). On a
 * machine loaded by other builds a thread's CPU time moves far less than wall-clock time.
 */
public final class CpuMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before;
    private final double processBefore;

    private CpuMeter(Map<Long, Long> before, double processBefore) {
        this.before = before;
        this.processBefore = processBefore;
    }

    public static CpuMeter start() {
        return new CpuMeter(all(), processCpuSeconds());
    }

    /** CPU seconds since the snapshot of the live threads {@code which} accepts. */
    double seconds(Predicate<Thread> which) {
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (which.test(thread)) {
                long now = THREADS.getThreadCpuTime(thread.getId());
                if (now >= 0) {
                    sum += now - before.getOrDefault(thread.getId(), 0L);
                }
            }
        }
        return sum / 1e9;
    }

    /** CPU seconds of the whole JVM since the snapshot (garbage collection and JIT compilation included). */
    public double processSeconds() {
        return processCpuSeconds() - processBefore;
    }

    /** Threads whose name starts with {@code prefix}. */
    static Predicate<Thread> named(String prefix) {
        return t -> t.getName().startsWith(prefix);
    }

    /** Threads with these ids. */
    static Predicate<Thread> ids(Set<Long> ids) {
        return t -> ids.contains(t.getId());
    }

    /** Ids of the live threads whose name starts with {@code prefix}. */
    static Set<Long> idsNamed(String prefix) {
        Set<Long> ids = new java.util.HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                ids.add(thread.getId());
            }
        }
        return ids;
    }

    /** CPU seconds of the calling thread so far. */
    public static double currentThreadSeconds() {
        return THREADS.getCurrentThreadCpuTime() / 1e9;
    }

    private static Map<Long, Long> all() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            cpu.put(thread.getId(), Math.max(0, THREADS.getThreadCpuTime(thread.getId())));
        }
        return cpu;
    }

    private static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** The machine's load averages, as {@code /proc/loadavg} gives them (first three fields). */
    public static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
