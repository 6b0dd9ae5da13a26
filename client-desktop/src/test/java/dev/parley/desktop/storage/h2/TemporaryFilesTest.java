package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing of a message reaches a file outside the encrypted profile database. H2 keeps a query result in memory up to
 * its {@code MAX_MEMORY_ROWS} and spills the rest to a temporary file in {@code java.io.tmpdir}; that file is opened
 * outside Parley's encrypted file scheme, so it holds the rows in plain once they no longer fit H2's memory for it (a
 * probe of H2 2.5.252: a sorted result of 300,000 rows left an 80 MB temporary file with every body readable; small
 * spills stay an 8 KiB file of headers). The child JVM runs with H2's spill threshold lowered to 16 rows (H2's default
 * scales with the heap: 40,000 rows per GiB, which is why a test at the default passed with the setting removed), so
 * every query of more rows would spill; with the profile URL's setting no file may appear in the child's private
 * temporary directory, and no file there or in the profile's directory may contain the marker word. Without the
 * setting the same run leaves dozens of {@code h2tmp.*.temp.db} files behind it.
 */
class TemporaryFilesTest {
    private static final String MARKER = "quokkafjordmarker";

    @TempDir
    Path dir;

    @Test
    void largeResultsNeverSpillToATemporaryFile() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Set<String> created = new ConcurrentSkipListSet<>();
        Set<String> withMarker = new ConcurrentSkipListSet<>();
        try (WatchService watch = tmp.getFileSystem().newWatchService()) {
            tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            Thread watcher = new Thread(() -> watchFiles(watch, tmp, created, withMarker), "tmp-watch");
            watcher.setDaemon(true);
            watcher.start();
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dh2.maxMemoryRows=16", "-Djava.io.tmpdir=" + tmp,
                    "-Dparley.native.dir=" + Files.createDirectories(dir.resolve("native")),
                    "-cp", System.getProperty("java.class.path"), LargeResultReader.class.getName(),
                    profile.resolve("data-1").toString(), "400", MARKER)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(created).as("files created in the temporary directory (%s held the marker)", withMarker)
                    .isEmpty();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }
        assertThat(filesContaining(tmp)).isEmpty();
        assertThat(filesContaining(profile)).isEmpty();
        assertThat(Files.size(profile.resolve("data-1.mv.db"))).isPositive();
    }

    /** Records every file created or written in {@code tmp}, reading it at once to catch the marker before deletion. */
    private static void watchFiles(WatchService watch, Path tmp, Set<String> created, Set<String> withMarker) {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        created.add(name.toString());
                        if (containsMarker(tmp.resolve(name))) {
                            withMarker.add(name.toString());
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // the test closed the watch
        }
    }

    private static List<Path> filesContaining(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (containsMarker(file)) {
                    found.add(root.relativize(file));
                }
            }
        }
        return found;
    }

    private static boolean containsMarker(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(MARKER);
        } catch (IOException e) {
            return false;
        }
    }
}
