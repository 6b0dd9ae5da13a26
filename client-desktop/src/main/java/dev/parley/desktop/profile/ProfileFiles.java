package dev.parley.desktop.profile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The files of a profile directory for {@link ProfileManager}: the header, creating the directory, leftovers. */
final class ProfileFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileFiles.class);
    private static final Pattern OWN_FILES = Pattern.compile(
            "data-[1-9][0-9]{0,8}(\\.mv\\.db|\\.rekey)|" + Pattern.quote(AppDirectories.HEADER_FILE + ".tmp"));
    private static final Pattern DATA_FILE = Pattern.compile("(data-[1-9][0-9]{0,8})\\.mv\\.db");

    private ProfileFiles() {
    }

    /** Writes the header to a temp file, syncs it, and moves it over the old one atomically. */
    static void writeHeader(Path dir, ProfileHeader header) throws ProfileStorageException {
        Path tmp = dir.resolve(AppDirectories.HEADER_FILE + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.write(tmp, ProfileHeaderCodec.encode(header), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(tmp, dir.resolve(AppDirectories.HEADER_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            FileSync.directory(dir);
        } catch (IOException e) {
            throw new ProfileStorageException("could not write the profile header", e);
        }
    }

    static void prepareDirectory(Path dir) throws ProfileException {
        try {
            PendingJoins.removeAbandoned(dir);
            Files.createDirectories(dir.getParent());
            try {
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(dir);
                }
            } catch (FileAlreadyExistsException e) {
                // A directory without a header: left by an interrupted creation. Only our own files may be in it.
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path entry : entries) {
                        if (!OWN_FILES.matcher(entry.getFileName().toString()).matches()) {
                            throw new ProfileExistsException("a directory of that name exists with other files");
                        }
                    }
                }
                deleteOwnFiles(dir, null);
            }
        } catch (IOException e) {
            throw new ProfileStorageException("could not create the profile directory", e);
        }
    }

    /** Removes our leftover files (stale databases, staging directories, header temp file) except {@code keep}. */
    static void deleteOwnFiles(Path dir, String keepDatabase) throws ProfileStorageException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                if (!OWN_FILES.matcher(file).matches()) {
                    continue;
                }
                java.util.regex.Matcher data = DATA_FILE.matcher(file);
                if (keepDatabase != null && data.matches() && data.group(1).equals(keepDatabase)) {
                    continue;
                }
                FileSync.deleteTree(entry);
                LOG.info("Removed a leftover file of an interrupted operation");
            }
        } catch (IOException e) {
            throw new ProfileStorageException("could not clean up the profile directory", e);
        }
    }

    /** Removes what a failed pending creation left (its marker and directory); a failure is logged, not fatal. */
    static void removeAbandoned(Path dir) {
        try {
            PendingJoins.removeAbandoned(dir);
        } catch (IOException e) {
            LOG.warn("Could not remove the directory of a failed join; it is removed at the next creation", e);
        }
    }

    /** Like {@link #deleteOwnFiles} for an already opened profile: a failure is logged, not fatal. */
    static void removeLeftovers(Path dir, String keepDatabase) {
        try {
            deleteOwnFiles(dir, keepDatabase);
        } catch (ProfileStorageException e) {
            LOG.warn("Could not remove leftover files of an interrupted operation; retrying at the next unlock", e);
        }
    }
}
