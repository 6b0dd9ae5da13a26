package dev.parley.relay.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's data directory is private to the relay's user: created 0700, and its files created 0600 from the
 * start (never written first and restricted afterwards). A directory left group- or world-accessible by an older
 * relay is restricted when the relay starts. On file systems without POSIX permissions nothing is changed.
 */
public final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates {@code dir} (and missing parents) private, or makes an existing one private. */
    public static void ensurePrivate(Path dir) throws IOException {
        if (!posix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                return;
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile: checked below like any existing directory
            }
        }
        if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
            LOG.info("event=data_dir_restricted mode=0700");
        }
    }

    /** Creates an empty file 0600 if it does not exist yet (an existing one is made 0600), so H2 never creates it. */
    public static void ensurePrivateFile(Path file) throws IOException {
        if (!posix(file.toAbsolutePath().getParent())) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            if (!Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
    }

    /**
     * Writes {@code content} to {@code file} as a whole: into a temporary file created 0600 in the same directory,
     * synced, then moved over {@code file} atomically. Readers see the old content or the new, never a part, and
     * the content is never readable by others, not even for a moment.
     */
    public static void writePrivately(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = posix(dir)
                ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            writeSynced(temp, content);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates {@code file} with {@code content}, 0600, complete or not at all.
     *
     * @throws java.nio.file.FileAlreadyExistsException if it exists (it is left as it is)
     */
    public static void createPrivately(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = posix(dir)
                ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            writeSynced(temp, content);
            Files.createLink(file, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeSynced(Path file, byte[] content) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static boolean posix(Path path) throws IOException {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null
                && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
