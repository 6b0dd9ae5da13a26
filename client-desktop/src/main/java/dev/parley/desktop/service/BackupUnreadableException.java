package dev.parley.desktop.service;

/** A backup file that cannot be restored: not a backup, a newer format, truncated, damaged or modified. */
public final class BackupUnreadableException extends ServiceException {
    private static final long serialVersionUID = 1L;

    public BackupUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
