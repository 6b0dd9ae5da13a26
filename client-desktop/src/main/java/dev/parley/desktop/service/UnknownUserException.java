package dev.parley.desktop.service;

/** The relay knows no user with this username. */
public final class UnknownUserException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public UnknownUserException(String message) {
        super(message);
    }

    public UnknownUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
