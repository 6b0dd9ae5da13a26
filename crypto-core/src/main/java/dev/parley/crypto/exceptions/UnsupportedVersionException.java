package dev.parley.crypto.exceptions;

/** A binary format carries a version byte this implementation does not know. */
public class UnsupportedVersionException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(String message) {
        super(message);
    }

    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
