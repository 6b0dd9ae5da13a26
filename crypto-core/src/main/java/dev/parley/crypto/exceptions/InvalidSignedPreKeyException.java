package dev.parley.crypto.exceptions;

/** A prekey bundle's signed-prekey signature does not verify under its identity key, or one of its keys is invalid. The handshake is aborted. */
public class InvalidSignedPreKeyException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public InvalidSignedPreKeyException(String message) {
        super(message);
    }

    public InvalidSignedPreKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
