package dev.parley.crypto.exceptions;

/** A message or envelope is malformed, does not authenticate, or does not decrypt. The session is unchanged. */
public class InvalidMessageException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
