package dev.parley.crypto.primitives;

/** A ciphertext did not authenticate: wrong key, wrong nonce, tampered or truncated input. No data is returned. */
public class AuthenticationFailedException extends CryptoException {
    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
