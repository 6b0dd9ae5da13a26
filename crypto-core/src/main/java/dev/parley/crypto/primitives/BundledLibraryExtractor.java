package dev.parley.crypto.primitives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the libsodium copy bundled in the lazysodium jar into a directory we choose, and cleans up after itself.
 *
 * <p>Layout: {@code <base>/libsodium-<pid>-<random>/<library file>}, one directory per process, created with
 * owner-only permissions where the file system is POSIX. The base directory must belong to the current user and must
 * not be writable by group or others, so another local user cannot swap the library between extraction and loading.
 * On POSIX systems the file is deleted right after loading (the mapping stays valid); on Windows, where a loaded DLL
 * cannot be deleted, it is deleted at JVM exit, and directories left by processes that no longer run are swept at
 * the next start.
 */
final class BundledLibraryExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(BundledLibraryExtractor.class);
    private static final String RUN_PREFIX = "libsodium-";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path baseDirectory;
    private final boolean posix;

    BundledLibraryExtractor(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath();
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Copies the class-path resource {@code resourcePath} (as lazysodium's {@code getSodiumPathInResources()} names
     * it) into a fresh per-process directory and returns the file.
     *
     * @throws UncheckedIOException if the directory is unsafe or the copy fails
     */
    Path extract(String resourcePath) {
        try {
            prepareBase();
            sweepStale();
            Path runDirectory = posix
                    ? Files.createTempDirectory(baseDirectory, runPrefix(ProcessHandle.current().pid()),
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempDirectory(baseDirectory, runPrefix(ProcessHandle.current().pid()));
            try {
                Path library = copyResource(resourcePath, runDirectory);
                LOG.debug("Extracted bundled libsodium to {}", library);
                return library;
            } catch (IOException e) {
                deleteRecursively(runDirectory);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled libsodium into " + baseDirectory, e);
        }
    }

    private Path copyResource(String resourcePath, Path runDirectory) throws IOException {
        String fileName = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
        Path library = runDirectory.resolve(fileName);
        String absoluteResource = resourcePath.startsWith("/") ? resourcePath : "/" + resourcePath;
        try (InputStream in = NativeSodium.class.getResourceAsStream(absoluteResource)) {
            if (in == null) {
                throw new IOException("no bundled libsodium for this platform at " + absoluteResource);
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        if (posix) {
            Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("r-x------"));
        }
        return library;
    }

    /** Removes the extracted file and its directory now (POSIX) or at JVM exit (Windows). */
    void releaseAfterLoad(Path library) {
        Path runDirectory = library.getParent();
        if (posix) {
            try {
                Files.deleteIfExists(library);
                Files.deleteIfExists(runDirectory);
            } catch (IOException e) {
                LOG.warn("Could not delete the extracted libsodium in {}: {}", runDirectory, e.toString());
            }
        } else {
            runDirectory.toFile().deleteOnExit();
            library.toFile().deleteOnExit();
        }
    }

    /** Deletes run directories whose process no longer exists. Returns how many were deleted. */
    int sweepStale() throws IOException {
        int deleted = 0;
        if (!Files.isDirectory(baseDirectory)) {
            return 0;
        }
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(baseDirectory, RUN_PREFIX + "*")) {
            for (Path run : runs) {
                long pid = pidOf(run.getFileName().toString());
                boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (pid > 0 && !alive) {
                    deleteRecursively(run);
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            LOG.debug("Removed {} stale libsodium extraction(s) from {}", deleted, baseDirectory);
        }
        return deleted;
    }

    static String runPrefix(long pid) {
        return RUN_PREFIX + pid + "-";
    }

    private static long pidOf(String name) {
        int end = name.indexOf('-', RUN_PREFIX.length());
        if (end < 0) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(RUN_PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void prepareBase() throws IOException {
        if (!Files.exists(baseDirectory, LinkOption.NOFOLLOW_LINKS)) {
            if (posix) {
                Files.createDirectories(baseDirectory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectories(baseDirectory);
            }
        }
        if (!Files.isDirectory(baseDirectory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a directory: " + baseDirectory);
        }
        if (posix) {
            UserPrincipal owner = Files.getOwner(baseDirectory, LinkOption.NOFOLLOW_LINKS);
            String me = System.getProperty("user.name");
            if (me != null && !owner.getName().equals(me)) {
                throw new IOException("native directory " + baseDirectory + " belongs to another user");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(baseDirectory, LinkOption.NOFOLLOW_LINKS);
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException("native directory " + baseDirectory + " is writable by other users");
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
