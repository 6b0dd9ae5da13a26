package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.StorageException;
import java.util.Objects;

/** Opening, creating or re-keying an encrypted database failed; {@link #reason()} says why. */
public final class DatabaseOpenException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** Why the database could not be opened. */
    public enum Reason {
        /** No database file at that path. */
        MISSING,
        /** A database file already exists where a new one was to be created. */
        ALREADY_EXISTS,
        /**
         * H2 error 90049: the file key does not decrypt the file, or the file is damaged so that it looks that way (a
         * truncated file can produce it). A caller that verified the key by other means treats it as corruption.
         */
        WRONG_KEY,
        /** The file is damaged, truncated or not an H2 database. */
        CORRUPT,
        /** The file contains triggers, aliases, functions or linked tables that Parley never creates. */
        UNTRUSTED,
        /** Another process (or another open handle in this one) holds the file. */
        IN_USE,
        /** The path is not acceptable (relative, contains ';', or not a plain file name). */
        INVALID_PATH
    }

    private final Reason reason;

    public DatabaseOpenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DatabaseOpenException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
