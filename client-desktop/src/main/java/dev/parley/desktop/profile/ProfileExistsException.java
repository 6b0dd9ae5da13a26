package dev.parley.desktop.profile;

/** A profile of that name already exists. */
public class ProfileExistsException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public ProfileExistsException(String message) {
        super(message);
    }

    public ProfileExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
