package dev.parley.desktop.service;

/** The profile has no account on a relay yet: register first. */
public final class NotRegisteredException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public NotRegisteredException(String message) {
        super(message);
    }

    public NotRegisteredException(String message, Throwable cause) {
        super(message, cause);
    }
}
