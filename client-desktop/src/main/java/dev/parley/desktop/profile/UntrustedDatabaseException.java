package dev.parley.desktop.profile;

/** The profile's database contains objects Parley never creates (triggers, aliases, functions, foreign schemas, linked tables) and was refused before anything was written. */
public class UntrustedDatabaseException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public UntrustedDatabaseException(String message) {
        super(message);
    }

    public UntrustedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
