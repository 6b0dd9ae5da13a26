package dev.parley.desktop.service;

/** No contact with this username is in the profile. */
public final class UnknownContactException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public UnknownContactException(String message) {
        super(message);
    }

    public UnknownContactException(String message, Throwable cause) {
        super(message, cause);
    }
}
