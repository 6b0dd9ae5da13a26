package dev.parley.crypto.exceptions;

/** The message key for this message is gone: the message was already decrypted (a replay) or its skipped key expired. */
public class DuplicateMessageException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public DuplicateMessageException(String message) {
        super(message);
    }

    public DuplicateMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
