package dev.parley.crypto.exceptions;

/** The sender named inside a sealed envelope is not the peer of the session that would decrypt it. */
public class SenderMismatchException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public SenderMismatchException(String message) {
        super(message);
    }

    public SenderMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
