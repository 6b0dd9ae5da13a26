package dev.parley.desktop.profile;

/**
 * Base of the checked failures of creating, unlocking or re-keying a profile. Messages name what failed, never the
 * passphrase, keys or profile content; the subclasses say why, so callers switch on the type.
 */
public class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
