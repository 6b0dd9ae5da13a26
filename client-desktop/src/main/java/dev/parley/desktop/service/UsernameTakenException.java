package dev.parley.desktop.service;

/** The relay refused to register the username because another identity holds it. */
public final class UsernameTakenException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String message) {
        super(message);
    }

    public UsernameTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
