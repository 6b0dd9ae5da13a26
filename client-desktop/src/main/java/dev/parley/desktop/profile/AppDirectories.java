package dev.parley.desktop.profile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where profiles live. The data directory is, in order: the system property {@value #DATA_DIR_PROPERTY} (set by the
 * packaged launcher or by tests), else {@code $XDG_DATA_HOME/parley}, else {@code ~/.local/share/parley}. This is
 * the only class that reads that property or variable. Each profile is a sub-directory named by its
 * {@link ProfileName}, so several profiles can exist side by side.
 */
public final class AppDirectories {
    /** System property overriding the data directory. */
    public static final String DATA_DIR_PROPERTY = "parley.dataDir";
    static final String HEADER_FILE = "profile.json";

    private final Path dataDirectory;

    /**
     * @param dataDirectory absolute; must not contain ';' (it ends up in an H2 URL)
     * @throws InvalidProfileNameException if the directory is relative or contains ';' or control characters
     */
    public AppDirectories(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        String text = dataDirectory.toString();
        if (!dataDirectory.isAbsolute() || text.indexOf(';') >= 0
                || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidProfileNameException("the data directory must be absolute without ';'");
        }
        this.dataDirectory = dataDirectory.normalize();
    }

    /** From the system property, the environment and the user's home, as described above. */
    public static AppDirectories fromEnvironment() {
        return new AppDirectories(resolve(System.getProperty(DATA_DIR_PROPERTY), System.getenv("XDG_DATA_HOME"),
                System.getProperty("user.home")));
    }

    /** The resolution rule, separated from the process environment for tests. */
    static Path resolve(String property, String xdgDataHome, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
        if (xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "parley");
        }
        return Path.of(userHome, ".local", "share", "parley");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The directory of a profile (which may not exist). */
    public Path profileDirectory(ProfileName name) {
        return dataDirectory.resolve(name.value());
    }

    /** Existing profiles (sub-directories with a valid name and a header file), sorted by name. */
    public List<ProfileName> listProfiles() throws ProfileStorageException {
        List<ProfileName> names = new ArrayList<>();
        if (!Files.isDirectory(dataDirectory)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (ProfileName.isValid(name) && Files.isRegularFile(entry.resolve(HEADER_FILE))
                        && !PendingJoins.isPending(entry)) {
                    names.add(new ProfileName(name));
                }
            }
        } catch (IOException e) {
            throw new ProfileStorageException("could not list the data directory", e);
        }
        names.sort((a, b) -> a.value().compareTo(b.value()));
        return names;
    }
}
