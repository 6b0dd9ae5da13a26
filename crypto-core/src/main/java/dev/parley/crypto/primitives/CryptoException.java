package dev.parley.crypto.primitives;

/** Base of every checked failure that crypto-core reports. Messages never contain key material or plaintext. */
public class CryptoException extends Exception {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
