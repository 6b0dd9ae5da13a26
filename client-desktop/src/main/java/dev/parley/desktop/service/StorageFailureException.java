package dev.parley.desktop.service;

/** The encrypted database failed during an operation; the operation was rolled back. */
public final class StorageFailureException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public StorageFailureException(String message) {
        super(message);
    }

    public StorageFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
