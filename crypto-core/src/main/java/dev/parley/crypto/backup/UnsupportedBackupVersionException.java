package dev.parley.crypto.backup;

/** A backup written in a format version newer than this Parley reads. */
public final class UnsupportedBackupVersionException extends BackupFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedBackupVersionException(String message) {
        super(message);
    }
}
