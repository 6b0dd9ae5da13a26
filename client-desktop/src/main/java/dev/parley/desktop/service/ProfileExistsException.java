package dev.parley.desktop.service;

/** A profile already exists where a new one was to be created. */
public final class ProfileExistsException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ProfileExistsException(String message) {
        super(message);
    }

    public ProfileExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
