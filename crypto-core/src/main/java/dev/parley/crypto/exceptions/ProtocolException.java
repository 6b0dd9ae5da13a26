package dev.parley.crypto.exceptions;

import dev.parley.crypto.primitives.CryptoException;

/**
 * Base of every session-protocol failure. Messages describe what was wrong with which kind of input and never
 * contain key material, plaintext or full identifiers. When a protocol operation throws, no store was changed.
 */
public class ProtocolException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
