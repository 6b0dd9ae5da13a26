package dev.parley.crypto.exceptions;

/** Decrypting this message would skip more message keys than {@code RatchetLimits.MAX_SKIP} allows. The session is unchanged. */
public class TooManySkippedMessagesException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public TooManySkippedMessagesException(String message) {
        super(message);
    }

    public TooManySkippedMessagesException(String message, Throwable cause) {
        super(message, cause);
    }
}
