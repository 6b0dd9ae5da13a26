package dev.parley.relay.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes the file system can still take ({@link DiskAttachmentStore} refuses an upload that would not fit). */
@FunctionalInterface
public interface DiskSpace {
    long usableBytes(Path dir) throws IOException;

    /** The usable space of the file store holding {@code dir}. */
    static DiskSpace of() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }
}
