package dev.parley.crypto.primitives;

/**
 * A public key was rejected: wrong length, not a valid point, or a low-order point that would make a
 * Diffie-Hellman output all zeros.
 */
public class InvalidPublicKeyException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public InvalidPublicKeyException(String message) {
        super(message);
    }
}
