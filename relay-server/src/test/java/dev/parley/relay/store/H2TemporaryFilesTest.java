package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay's database keeps what it reads inside its data directory: H2 spills a result of more rows than its
 * in-memory limit to a temporary file in {@code java.io.tmpdir} (plain unless the database uses {@code CIPHER=AES}).
 * The child JVM lowers that limit to 100 rows (above the schema script {@code H2Trust} reads at open) and stores 500
 * blobs, then opens the database again, which reads every remembered id into the duplicate filter; no file may appear
 * in its private temporary directory. Before the filter was read as a stream this left an {@code h2tmp.*.temp.db}
 * file.
 */
class H2TemporaryFilesTest {
    @TempDir
    Path dir;

    @Test
    void readingEveryRememberedIdAtOpenWritesNoTemporaryFile() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Set<String> created = new ConcurrentSkipListSet<>();
        try (WatchService watch = tmp.getFileSystem().newWatchService()) {
            tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            Thread watcher = new Thread(() -> record(watch, created), "tmp-watch");
            watcher.setDaemon(true);
            watcher.start();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dh2.maxMemoryRows=100", "-Djava.io.tmpdir=" + tmp,
                    "-Dparley.native.dir=" + Files.createDirectories(dir.resolve("native")),
                    "-cp", System.getProperty("java.class.path"), RememberedIdsWriter.class.getName(),
                    dir.resolve("relay").toString(), "500")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(created).as("files created in the temporary directory").isEmpty();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }
    }

    private static void record(WatchService watch, Set<String> created) {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    created.add(String.valueOf(event.context()));
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // the test closed the watch
        }
    }
}
