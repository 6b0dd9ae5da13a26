package dev.parley.bench.relay;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time of a JVM's JIT compiler threads and garbage collector threads, read from {@code /proc/PID/task} (Linux;
 * zero elsewhere), in milliseconds at the kernel's 10 ms tick. Threads that ended (a compiler thread the JVM let go)
 * are no longer counted, so this is a lower bound; the process's CPU counts them.
 */
public record JvmThreadCpu(long jitMs, long gcMs) {
    private static final long MS_PER_TICK = 10;

    /** Of the process {@code pid}. */
    public static JvmThreadCpu of(long pid) {
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        jit += ms;
                    } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                        gc += ms;
                    }
                } catch (NoSuchFileException ended) {
                    // the thread ended while listed
                }
            }
        } catch (IOException | RuntimeException e) {
            return new JvmThreadCpu(0, 0);
        }
        return new JvmThreadCpu(jit, gc);
    }

    /** Of this JVM. */
    public static JvmThreadCpu self() {
        return of(ProcessHandle.current().pid());
    }

    public JvmThreadCpu minus(JvmThreadCpu before) {
        return new JvmThreadCpu(jitMs - before.jitMs, gcMs - before.gcMs);
    }
}
