package dev.parley.desktop.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Issue #17: a profile that joins an existing account as a new device is created before the other device has
 * registered it. Until then its directory holds a marker file, written before the profile's header: a profile with
 * the marker is no profile (not listed, not unlocked), and the next creation or restore under its name removes it, so
 * a join that failed or was killed midway leaves nothing behind that looks like a profile.
 */
final class PendingJoins {
    /** The marker's file name inside the profile directory. */
    static final String MARKER = "joining.incomplete";

    private PendingJoins() {
    }

    static boolean isPending(Path profileDir) {
        return Files.exists(profileDir.resolve(MARKER));
    }

    /** Writes the marker (synced) into the new profile's directory. */
    static void mark(Path profileDir) throws IOException {
        Files.write(profileDir.resolve(MARKER), new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        FileSync.directory(profileDir);
    }

    /** Removes the marker: from now on the directory is an ordinary profile. */
    static void clear(Path profileDir) throws IOException {
        Files.deleteIfExists(profileDir.resolve(MARKER));
        FileSync.directory(profileDir);
    }

    /** Deletes the whole directory if it is an unfinished join's. @return whether it did */
    static boolean removeAbandoned(Path profileDir) throws IOException {
        if (!isPending(profileDir)) {
            return false;
        }
        FileSync.deleteTree(profileDir);
        FileSync.directory(profileDir.getParent());
        return true;
    }
}
