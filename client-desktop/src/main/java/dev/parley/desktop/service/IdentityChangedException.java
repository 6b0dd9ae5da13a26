package dev.parley.desktop.service;

/** The contact's identity key changed; sending is blocked until the user acknowledges the new key. */
public final class IdentityChangedException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public IdentityChangedException(String message) {
        super(message);
    }

    public IdentityChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
