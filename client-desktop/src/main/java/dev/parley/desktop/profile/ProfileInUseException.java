package dev.parley.desktop.profile;

/** The profile is already unlocked, in this process or by another one. */
public class ProfileInUseException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public ProfileInUseException(String message) {
        super(message);
    }

    public ProfileInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
