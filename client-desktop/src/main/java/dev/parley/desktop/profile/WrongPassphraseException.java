package dev.parley.desktop.profile;

/** The passphrase does not open this profile. Nothing was modified. */
public class WrongPassphraseException extends ProfileException {
    private static final long serialVersionUID = 1L;

    public WrongPassphraseException(String message) {
        super(message);
    }

    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
