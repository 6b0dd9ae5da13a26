package dev.parley.desktop.storage.backup;

import java.io.IOException;

/** A backup whose decrypted body does not follow the record format. */
public final class MalformedBackupException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedBackupException(String message) {
        super(message);
    }

    public MalformedBackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
