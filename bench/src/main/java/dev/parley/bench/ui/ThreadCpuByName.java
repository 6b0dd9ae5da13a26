package dev.parley.bench.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Path TASKS = Path.of("/proc/self/task");

    private record Task(String name, long ticks, int nice) {
    }

    private final Map<String, Task> before;
    private Map<String, Task> after;

    private ThreadCpuByName(Map<String, Task> before) {
        this.before = before;
    }

    static ThreadCpuByName start() {
        return new ThreadCpuByName(tasks());
    }

    /** Ends the window (call before {@link #print(String)}). */
    void stop() {
        after = tasks();
    }

    /** One line per group that used at least 20 ms, most first: "name (nice N, K threads): 1.23 s". */
    void print(String indent) {
        if (!Files.isDirectory(TASKS)) {
            return;
        }
        Map<String, long[]> groups = new TreeMap<>();
        Map<String, java.util.Set<Integer>> nices = new HashMap<>();
        for (Map.Entry<String, Task> now : (after == null ? tasks() : after).entrySet()) {
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
                        e.getValue()[0] / TICKS_PER_SECOND));
    }

    /** By TID: name, user + system ticks and nice. */
    private static Map<String, Task> tasks() {
        Map<String, Task> tasks = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return tasks;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(TASKS)) {
            for (Path task : all) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after the name: state (0), ..., utime (11), stime (12), ..., nice (16)
                    long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    tasks.put(task.getFileName().toString(), new Task(stat.substring(open + 1, close), cpu,
                            Integer.parseInt(fields[16])));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return tasks;
        }
        return tasks;
    }
}
