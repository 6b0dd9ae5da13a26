package dev.parley.desktop.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The files ImageIO writes to its cache directory while some work runs: ImageIO's streams over an input or output
 * stream cache the image there (by default), and the images Parley decodes and encodes are plaintext. The directory is
 * watched while the work runs; a marker file written afterwards ends the watch (one directory's events arrive in
 * order), so nothing waits for a time.
 */
public final class ImageCacheFiles {
    private static final String MARKER = "marker-written-after-the-work";

    /** Work that may throw. */
    public interface Work {
        void run() throws Exception;
    }

    private ImageCacheFiles() {
    }

    /** The names of the files created in {@code cache} (made ImageIO's cache directory) while {@code work} ran. */
    public static List<String> createdWhile(Path cache, Work work) throws Exception {
        File before = ImageIO.getCacheDirectory();
        boolean usedCache = ImageIO.getUseCache();
        ImageIO.setCacheDirectory(cache.toFile());
        ImageIO.setUseCache(true);
        List<String> created = new ArrayList<>();
        try (WatchService watch = cache.getFileSystem().newWatchService()) {
            cache.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            work.run();
            Files.createFile(cache.resolve(MARKER));
            while (!created.contains(MARKER)) {
                WatchKey key = watch.poll(10, TimeUnit.SECONDS);
                assertThat(key).as("the marker's event").isNotNull();
                key.pollEvents().forEach(event -> created.add(event.context().toString()));
                key.reset();
            }
        } finally {
            ImageIO.setCacheDirectory(before);
            ImageIO.setUseCache(usedCache);
        }
        created.remove(MARKER);
        return created;
    }
}
