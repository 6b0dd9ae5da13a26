package dev.parley.desktop.profile;

/** An I/O failure while reading or writing the profile's files (disk full, permissions). */
public class ProfileStorageException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public ProfileStorageException(String message) {
        super(message);
    }

    public ProfileStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
