package dev.parley.desktop.storage;

/**
 * A checked failure of the local store: an I/O or database error, or an operation the store refuses (for example a
 * write inside a read-only transaction). Messages never contain message bodies, keys or full identifiers.
 */
public class StorageException extends Exception {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
