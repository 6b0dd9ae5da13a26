package dev.parley.crypto.primitives;

/** A crypto provider could not be loaded on this platform (for example, the native libsodium is missing). */
public class ProviderUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
