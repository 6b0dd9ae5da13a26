package dev.parley.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The process's native threads as Linux lists them in {@code /proc/self/task/TID/stat}: name (cut to 15 characters),
 * user + system CPU time in clock ticks and nice value. The one reader of that file for the benchmarks that split a
 * process's CPU by thread ({@code VmThreadCpu}, {@code ThreadCpuByName}). Empty where there is no {@code /proc}.
 */
public final class ProcTasks {
    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    public static final double TICKS_PER_SECOND = 100;
    private static final Path TASKS = Path.of("/proc/self/task");

    /** One native thread: its kernel id, name, CPU ticks so far and nice value. */
    public record Task(String tid, String name, long ticks, int nice) {
    }

    private ProcTasks() {
    }

    /** True where /proc/self/task can be read (Linux). */
    public static boolean available() {
        return Files.isDirectory(TASKS);
    }

    /** Every thread of this process now, by thread id; a thread that ends while being read is left out. */
    public static Map<String, Task> now() {
        Map<String, Task> tasks = new HashMap<>();
        if (!available()) {
            return tasks;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(TASKS)) {
            for (Path task : all) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    // the name (field 2) is in parentheses and may hold spaces or ')': count from the last ')'
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after the name: state (0), ..., utime (11), stime (12), ..., nice (16)
                    String tid = task.getFileName().toString();
                    tasks.put(tid, new Task(tid, stat.substring(open + 1, close),
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Integer.parseInt(fields[16])));
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
