package dev.parley.relay.store;

/** A store failed (I/O, closed database). The operation had no effect. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
