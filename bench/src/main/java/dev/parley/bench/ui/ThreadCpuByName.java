package dev.parley.bench.ui;

import dev.parley.bench.proc.ProcTasks;
import dev.parley.bench.proc.ProcTasks.Task;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the process's threads over a window, grouped by name with the digits taken out ("parley-ui-worker-1"
 * and "-2" are one group), with the nice value each group ran at: read per native thread from
 * {@code /proc/self/task/TID/stat} (Linux only; clock ticks, 10 ms resolution; native names are cut to 15
 * characters). Shows which threads kept the cores busy while the FX thread waited for one. A thread that ended during
 * the window is not counted.
 */
final class ThreadCpuByName {
    private final Map<String, Task> before;
    private Map<String, Task> after;

    private ThreadCpuByName(Map<String, Task> before) {
        this.before = before;
    }

    static ThreadCpuByName start() {
        return new ThreadCpuByName(ProcTasks.now());
    }

    /** Ends the window (call before {@link #print(String)}). */
    void stop() {
        after = ProcTasks.now();
    }

    /** One line per group that used at least 20 ms, most first: "name (nice N, K threads): 1.23 s". */
    void print(String indent) {
        if (!ProcTasks.available()) {
            return;
        }
        Map<String, long[]> groups = new TreeMap<>();
        Map<String, java.util.Set<Integer>> nices = new HashMap<>();
        for (Map.Entry<String, Task> now : (after == null ? ProcTasks.now() : after).entrySet()) {
            Task was = before.get(now.getKey());
            long spent = now.getValue().ticks() - (was == null ? 0 : was.ticks());
            String group = now.getValue().name().replaceAll("[0-9]+", "#");
            long[] v = groups.computeIfAbsent(group, k -> new long[2]);
            v[0] += spent;
            v[1]++;
            nices.computeIfAbsent(group, k -> new java.util.TreeSet<>()).add(now.getValue().nice());
        }
        System.out.println(indent + "threads' CPU during the burst (from /proc, by name; nice value):");
        groups.entrySet().stream().filter(e -> e.getValue()[0] >= 2)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> System.out.printf("%s  %-18s nice %-6s %2d thread(s): %.2f s%n", indent, e.getKey(),
                        nices.get(e.getKey()).toString().replace(" ", ""), e.getValue()[1],
                        e.getValue()[0] / ProcTasks.TICKS_PER_SECOND));
    }
}
