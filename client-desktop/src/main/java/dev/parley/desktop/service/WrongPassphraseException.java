package dev.parley.desktop.service;

/** The passphrase does not open this profile. */
public final class WrongPassphraseException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(String message) {
        super(message);
    }

    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
