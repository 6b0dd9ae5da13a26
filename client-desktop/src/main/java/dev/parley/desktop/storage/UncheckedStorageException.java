package dev.parley.desktop.storage;

/**
 * A {@link StorageException} carried through an interface that cannot declare it (the session protocol's store ports).
 * The transaction it happened in rolls back when this propagates out of the task; callers catch it around the
 * transaction and use {@link #getCause()}.
 */
public final class UncheckedStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UncheckedStorageException(StorageException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized StorageException getCause() {
        return (StorageException) super.getCause();
    }
}
