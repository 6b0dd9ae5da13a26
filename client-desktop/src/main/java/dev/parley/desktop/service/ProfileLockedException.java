package dev.parley.desktop.service;

/** The profile is locked (or does not exist yet): unlock it first. */
public final class ProfileLockedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ProfileLockedException(String message) {
        super(message);
    }

    public ProfileLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
