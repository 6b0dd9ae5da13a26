package dev.parley.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.desktop.threads.BackgroundThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12: the disappearing sweep (and the removal of deleted conversations it runs) is work nobody waits for, so
 * its thread runs below the UI thread's priority: on Linux at nice {@link BackgroundThreads#NICE}, read from the
 * kernel's own account of the running profile's threads ({@code /proc/self/task/TID/stat}, field 19). It ran at the
 * UI thread's nice, and in the sweep of 100,000 the UI thread waited up to 15 ms for a core it held.
 */
class SweeperPriorityTest {
    private static final String COMM = "parley-disappea"; // the kernel keeps 15 characters of a thread's name

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void theDisappearingSweepRunsBelowTheUiThreadsPriority() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/task")), "Linux only");
        OptionalInt own = niceOf(Path.of("/proc/thread-self"));
        assumeTrue(own.isPresent() && own.getAsInt() < BackgroundThreads.NICE, "the tests run at a nice below 10");
        network.register("alice");

        OptionalInt sweeper = OptionalInt.empty();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sweeper.isEmpty() && System.nanoTime() < deadline) {
            sweeper = sweeperNice();
            if (sweeper.isEmpty()) {
                Thread.sleep(20);
            }
        }
        assertEquals(OptionalInt.of(BackgroundThreads.NICE), sweeper, "the sweeper thread's nice value");
    }

    private static OptionalInt sweeperNice() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm")).strip();
                } catch (IOException gone) {
                    continue;
                }
                if (comm.equals(COMM)) {
                    return niceOf(task);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Field 19 of {@code stat}: the fields after the parenthesised name start at field 3. */
    private static OptionalInt niceOf(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalInt.of(Integer.parseInt(fields[19 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
