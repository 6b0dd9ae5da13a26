package dev.parley.crypto.exceptions;

/** A prekey message names a signed or one-time prekey that the local stores do not hold (never issued, rotated out, or already used). */
public class InvalidKeyIdException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public InvalidKeyIdException(String message) {
        super(message);
    }

    public InvalidKeyIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
