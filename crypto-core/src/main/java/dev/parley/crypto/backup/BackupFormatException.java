package dev.parley.crypto.backup;

import java.io.IOException;

/** A backup file that cannot be read: not a Parley backup, truncated, damaged or modified (docs/protocol.md, Backups). */
public class BackupFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public BackupFormatException(String message) {
        super(message);
    }

    public BackupFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
