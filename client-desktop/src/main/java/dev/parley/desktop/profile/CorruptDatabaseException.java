package dev.parley.desktop.profile;

/** The profile's database or header file is damaged, truncated or inconsistent. The files were left exactly as they were. */
public class CorruptDatabaseException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public CorruptDatabaseException(String message) {
        super(message);
    }

    public CorruptDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
