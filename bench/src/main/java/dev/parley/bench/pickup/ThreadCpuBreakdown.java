package dev.parley.bench.pickup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time per group of threads (the thread name with its digits removed) between {@link #start()} and
 * {@link #report(int)}: where a pickup's process CPU goes besides the inbound thread and the opening pool (the
 * in-process relay's workers, the WebSocket reader, GC and JIT are not Java threads and show only in the process
 * total, as "not in Java threads").
 */
public final class ThreadCpuBreakdown {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    public static ThreadCpuBreakdown start() {
        ThreadCpuBreakdown breakdown = new ThreadCpuBreakdown();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            breakdown.before.put(thread.getId(), Math.max(0, breakdown.threads.getThreadCpuTime(thread.getId())));
        }
        return breakdown;
    }

    /** The {@code top} largest groups, as "name 1.234 s" separated by commas, and their sum in seconds. */
    public String report(int top, double processCpuSeconds) {
        Map<String, Long> byGroup = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long now = threads.getThreadCpuTime(thread.getId());
            if (now <= 0) {
                continue;
            }
            long spent = now - before.getOrDefault(thread.getId(), 0L);
            byGroup.merge(thread.getName().replaceAll("[0-9]+", "#"), spent, Long::sum);
        }
        long javaThreads = byGroup.values().stream().mapToLong(Long::longValue).sum();
        String groups = byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(e -> String.format("%s %.3f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
        return String.format("%s; Java threads %.3f s, not in Java threads (GC, JIT, VM) %.3f s", groups,
                javaThreads / 1e9, processCpuSeconds - javaThreads / 1e9);
    }
}
