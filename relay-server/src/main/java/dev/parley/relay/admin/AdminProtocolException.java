package dev.parley.relay.admin;

/** An admin request or response that is too large or not a valid message of the admin protocol. */
public final class AdminProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdminProtocolException(String message) {
        super(message);
    }

    public AdminProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
