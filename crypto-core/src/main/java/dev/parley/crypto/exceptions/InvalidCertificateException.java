package dev.parley.crypto.exceptions;

/**
 * A sender certificate is malformed, not signed by the pinned relay key, expired, names an invalid username, or
 * certifies another identity key than the one that authenticated the envelope. Nothing was changed.
 */
public class InvalidCertificateException extends InvalidMessageException {
    private static final long serialVersionUID = 1L;

    public InvalidCertificateException(String message) {
        super(message);
    }
}
