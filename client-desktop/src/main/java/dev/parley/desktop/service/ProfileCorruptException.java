package dev.parley.desktop.service;

/** The profile's database or header cannot be read; nothing was changed. */
public final class ProfileCorruptException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public ProfileCorruptException(String message) {
        super(message);
    }

    public ProfileCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
