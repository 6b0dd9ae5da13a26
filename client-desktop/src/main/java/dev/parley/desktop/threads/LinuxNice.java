package dev.parley.desktop.threads;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A Linux thread's nice value, read from {@code /proc/thread-self} and set with libc's {@code setpriority} through
 * JNA. On Linux a nice value belongs to a thread, not to the process: {@code setpriority(PRIO_PROCESS, tid, n)}
 * changes only the thread whose kernel id is {@code tid}, and a thread started later inherits its starter's value.
 * Raising one's own nice value needs no privilege. HotSpot leaves it alone ({@code Thread.setPriority} is ignored
 * on Linux unless {@code -XX:ThreadPriorityPolicy=1} as root).
 */
final class LinuxNice {
    private static final int PRIO_PROCESS = 0;
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    /** libc's {@code int setpriority(int which, id_t who, int prio)}. */
    interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    /** libc, loaded on first use; the error if it could not be. */
    private static final class Holder {
        static final LibC LIBC;
        static final Throwable FAILURE;

        static {
            LibC loaded = null;
            Throwable failure = null;
            try {
                loaded = Native.load("c", LibC.class);
            } catch (LinkageError | RuntimeException e) {
                failure = e;
            }
            LIBC = loaded;
            FAILURE = failure;
        }
    }

    private LinuxNice() {
    }

    /** Whether this is Linux with {@code /proc/thread-self} (kernel 3.17 or later). */
    static boolean available() {
        return System.getProperty("os.name", "").startsWith("Linux") && Files.exists(THREAD_SELF);
    }

    /** The calling thread's kernel id: {@code /proc/thread-self} links to {@code PID/task/TID}. */
    static OptionalInt currentTid() {
        try {
            Path target = Files.readSymbolicLink(THREAD_SELF);
            return OptionalInt.of(Integer.parseInt(target.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The calling thread's nice value (field 19 of {@code /proc/thread-self/stat}). */
    static OptionalInt currentNice() {
        return niceOf(THREAD_SELF);
    }

    /** The nice value of the thread or process whose {@code /proc} directory is {@code dir}. */
    static OptionalInt niceOf(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII);
            // the name, field 2, is in parentheses and may hold spaces: count from the last ')'
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(after[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Raises to {@code nice} the nice value of every thread of this process whose kernel name starts with one of
     * {@code namePrefixes} (and is below it). Returns how many threads were changed; those that could not be are
     * skipped.
     */
    static int raiseThreadsTo(int nice, java.util.List<String> namePrefixes) {
        if (Holder.LIBC == null) {
            return 0;
        }
        int changed = 0;
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip();
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                OptionalInt current = niceOf(task);
                if (namePrefixes.stream().anyMatch(comm::startsWith) && current.isPresent()
                        && current.getAsInt() < nice && Holder.LIBC.setpriority(PRIO_PROCESS,
                        Integer.parseInt(task.getFileName().toString()), nice) == 0) {
                    changed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            return changed;
        }
        return changed;
    }

    /**
     * Sets the calling thread's nice value to {@code nice} unless it is already at least that (a lower value would
     * need privilege). Returns an error's description, or null when the thread now runs at {@code nice} or above.
     */
    static String raiseCurrentTo(int nice) {
        OptionalInt current = currentNice();
        if (current.isPresent() && current.getAsInt() >= nice) {
            return null;
        }
        OptionalInt tid = currentTid();
        if (tid.isEmpty()) {
            return "no thread id in /proc/thread-self";
        }
        if (Holder.LIBC == null) {
            return "libc not loaded: " + Holder.FAILURE.getClass().getSimpleName();
        }
        if (Holder.LIBC.setpriority(PRIO_PROCESS, tid.getAsInt(), nice) != 0) {
            return "setpriority failed, errno " + Native.getLastError();
        }
        return null;
    }
}
