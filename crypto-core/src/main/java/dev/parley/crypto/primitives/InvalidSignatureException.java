package dev.parley.crypto.primitives;

/** A signature did not verify (including malleable or non-canonical encodings). */
public class InvalidSignatureException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public InvalidSignatureException(String message) {
        super(message);
    }
}
