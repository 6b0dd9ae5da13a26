package dev.parley.desktop.profile;

import dev.parley.desktop.storage.Storage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An unlocked profile: its encrypted storage is open. {@link #lock()} (or {@link #close()}) closes the database and
 * forgets the key; the object is useless afterwards. Obtain one from {@link ProfileManager}.
 */
public final class UnlockedProfile implements AutoCloseable {
    private final ProfileName name;
    private final Path directory;
    private final Storage storage;
    private final Runnable onLock;
    private boolean locked;

    UnlockedProfile(ProfileName name, Path directory, Storage storage, Runnable onLock) {
        this.name = name;
        this.directory = directory;
        this.storage = storage;
        this.onLock = Objects.requireNonNull(onLock, "onLock");
    }

    public ProfileName name() {
        return name;
    }

    /** The profile's directory (header and database). */
    public Path directory() {
        return directory;
    }

    /**
     * The profile's stores.
     *
     * @throws IllegalStateException once locked
     */
    public synchronized Storage storage() {
        if (locked) {
            throw new IllegalStateException("profile is locked");
        }
        return storage;
    }

    public synchronized boolean isLocked() {
        return locked;
    }

    /** Closes the database (waiting for a running transaction); idempotent. */
    public synchronized void lock() {
        if (locked) {
            return;
        }
        locked = true;
        try {
            storage.close();
        } finally {
            onLock.run();
        }
    }

    @Override
    public void close() {
        lock();
    }

    @Override
    public String toString() {
        return "UnlockedProfile[" + name + (locked ? ", locked" : "") + "]";
    }
}
