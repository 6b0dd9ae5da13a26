package dev.parley.desktop.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.desktop.ui.ParleyDesktopApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client's background threads really run below the UI thread's scheduling priority: on Linux their nice value,
 * read by the kernel's own account ({@code /proc/self/task/TID/stat}, field 19) from another thread, is
 * {@link BackgroundThreads#NICE}, while the thread that started them keeps its own.
 */
class BackgroundThreadsTest {

    /** Runs on the pool's threads until both have answered: each thread's kernel id. */
    private static List<Integer> tidsOfBothThreads(ExecutorService pool) throws Exception {
        java.util.concurrent.CyclicBarrier both = new java.util.concurrent.CyclicBarrier(2);
        List<CompletableFuture<Integer>> tids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tids.add(CompletableFuture.supplyAsync(() -> {
                try {
                    both.await(10, TimeUnit.SECONDS); // two tasks on two different threads
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return LinuxNice.currentTid().orElseThrow();
            }, pool));
        }
        List<Integer> result = new ArrayList<>();
        for (CompletableFuture<Integer> tid : tids) {
            result.add(tid.get(10, TimeUnit.SECONDS));
        }
        return result;
    }

    private static int niceOfTask(int tid) {
        OptionalInt nice = LinuxNice.niceOf(Path.of("/proc/self/task", Integer.toString(tid)));
        assertTrue(nice.isPresent(), "the thread's /proc entry is readable");
        return nice.getAsInt();
    }

    @Test
    void theAppsHeavyWorkerPoolRunsAtNiceTenWhileTheStartingThreadKeepsItsOwn() throws Exception {
        assumeTrue(LinuxNice.available(), "Linux only: elsewhere the threads get Thread.MIN_PRIORITY");
        int own = LinuxNice.currentNice().orElseThrow();
        assumeTrue(own < BackgroundThreads.NICE, "the tests run at a nice value below 10");
        ExecutorService pool = ParleyDesktopApp.newHeavyWorkerPool();
        try {
            List<Integer> tids = tidsOfBothThreads(pool);
            assertEquals(2, tids.stream().distinct().count());
            for (int tid : tids) {
                assertEquals(BackgroundThreads.NICE, niceOfTask(tid), "a heavy worker thread's nice value");
            }
            int self = LinuxNice.currentTid().orElseThrow();
            assertEquals(own, niceOfTask(self), "the thread that started the pool keeps its nice value");
            assertEquals(Thread.MIN_PRIORITY, pool.submit(() -> Thread.currentThread().getPriority()).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAppsOrdinaryWorkersWhichTheUserWaitsForKeepTheUiThreadsPriority() throws Exception {
        assumeTrue(LinuxNice.available());
        int own = LinuxNice.currentNice().orElseThrow();
        ExecutorService pool = ParleyDesktopApp.newWorkerPool();
        try {
            for (int tid : tidsOfBothThreads(pool)) {
                assertEquals(own, niceOfTask(tid), "an ordinary worker thread's nice value");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThreadStartedByTheUiThreadAfterThePoolRanStaysAtTheUiThreadsNice() throws Exception {
        assumeTrue(LinuxNice.available());
        int own = LinuxNice.currentNice().orElseThrow();
        ExecutorService pool = BackgroundThreads.pool("test-background", 1);
        ExecutorService plain = Executors.newSingleThreadExecutor();
        try {
            int background = pool.submit(() -> LinuxNice.currentNice().orElseThrow()).get(10, TimeUnit.SECONDS);
            int other = plain.submit(() -> LinuxNice.currentNice().orElseThrow()).get(10, TimeUnit.SECONDS);
            assertEquals(Math.max(own, BackgroundThreads.NICE), background);
            assertEquals(own, other, "only the background threads are lowered, not the process");
        } finally {
            pool.shutdownNow();
            plain.shutdownNow();
        }
    }

    @Test
    void aSingleNamedThreadIsADaemonAtTheLowerPriority() throws Exception {
        assumeTrue(LinuxNice.available());
        int[] seen = new int[2];
        Thread thread = BackgroundThreads.named("test-single").newThread(() -> {
            seen[0] = LinuxNice.currentNice().orElse(-100);
            seen[1] = LinuxNice.currentTid().orElse(-1);
        });
        assertTrue(thread.isDaemon());
        assertEquals("test-single", thread.getName());
        thread.start();
        thread.join(10_000);
        assertEquals(Math.max(LinuxNice.currentNice().orElseThrow(), BackgroundThreads.NICE), seen[0]);
        assertTrue(seen[1] > 0);
    }

    @Test
    void threadsNamedWithAPrefixAreRaisedAndTheJitsThreadsHaveTheNamesLookedFor() throws Exception {
        assumeTrue(LinuxNice.available());
        int own = LinuxNice.currentNice().orElseThrow();
        assumeTrue(own < BackgroundThreads.NICE);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int[] tid = new int[1];
        Thread plain = new Thread(() -> {
            tid[0] = LinuxNice.currentTid().orElse(-1);
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-jit-like");
        plain.start();
        try {
            started.await(10, TimeUnit.SECONDS);
            assertEquals(own, niceOfTask(tid[0]));
            assertTrue(LinuxNice.raiseThreadsTo(BackgroundThreads.NICE, List.of("test-jit-li")) >= 1);
            assertEquals(BackgroundThreads.NICE, niceOfTask(tid[0]), "the named thread, set from another thread");
            assertEquals(own, LinuxNice.currentNice().orElseThrow(), "the calling thread is not touched");
        } finally {
            release.countDown();
            plain.join(10_000);
        }
        // the names lowerCompilerThreads looks for are HotSpot's (this JVM's compilers are left as they are here)
        List<String> names = new ArrayList<>();
        try (java.util.stream.Stream<Path> tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.add(java.nio.file.Files.readString(task.resolve("comm")).strip());
                } catch (java.io.IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        assertTrue(names.stream().anyMatch(n -> BackgroundThreads.COMPILER_THREADS.stream().anyMatch(n::startsWith)),
                () -> "no JIT compiler thread among " + names);
    }
}
