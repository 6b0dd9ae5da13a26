package dev.parley.desktop.crypto;

/**
 * The protocol's store ports cannot throw checked exceptions, so a storage failure underneath them travels as this
 * unchecked exception; the services catch it and report a {@code StorageFailureException}.
 */
public final class ProtocolStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
