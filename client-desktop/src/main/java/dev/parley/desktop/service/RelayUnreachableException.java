package dev.parley.desktop.service;

/** The relay could not be reached, or the connection dropped before the operation completed. */
public final class RelayUnreachableException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public RelayUnreachableException(String message) {
        super(message);
    }

    public RelayUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
