package dev.parley.desktop.service;

/** The caller's input was refused before anything was changed (empty or too long message, invalid username...). */
public final class InvalidInputException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
