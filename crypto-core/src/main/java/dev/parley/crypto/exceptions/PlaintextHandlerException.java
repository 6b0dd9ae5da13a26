package dev.parley.crypto.exceptions;

/** The decryption callback failed to handle (persist) the plaintext; the session state was not committed, so the same message can be decrypted again. */
public class PlaintextHandlerException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public PlaintextHandlerException(String message) {
        super(message);
    }

    public PlaintextHandlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
