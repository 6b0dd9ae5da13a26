package dev.parley.desktop.storage;

/**
 * A protocol-state row (identity, session, prekey) failed its authentication check: its bytes were changed, or it
 * was moved under another namespace or key, outside Parley. The row is never used; the message names neither the key
 * nor the value.
 */
public class TamperedSecretException extends StorageException {
    private static final long serialVersionUID = 1L;

    public TamperedSecretException(String message) {
        super(message);
    }
}
