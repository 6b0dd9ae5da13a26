package dev.parley.crypto.exceptions;

/** Stored protocol state (a session record, prekey record or identity key pair) cannot be parsed. */
public class CorruptStateException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public CorruptStateException(String message) {
        super(message);
    }

    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
