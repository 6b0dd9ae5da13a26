package dev.parley.crypto.exceptions;

/** There is no session with this peer (or it cannot decrypt this message). */
public class NoSessionException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public NoSessionException(String message) {
        super(message);
    }

    public NoSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
