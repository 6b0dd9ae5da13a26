package dev.parley.desktop.profile;

/** No profile of that name exists in the data directory. */
public class ProfileNotFoundException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public ProfileNotFoundException(String message) {
        super(message);
    }

    public ProfileNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
