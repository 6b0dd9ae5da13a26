package dev.parley.desktop.storage;

/**
 * The store refused one value (a data exception or a broken constraint: a value too long for its column, a duplicate
 * key, a check that failed), as opposed to a store that cannot write at all. The transaction rolled back; the same
 * store still takes other writes, so a caller that handles independent inputs may drop the input at fault and go on.
 */
public class RefusedValueException extends StorageException {
    private static final long serialVersionUID = 1L;

    public RefusedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
