package dev.parley.crypto.backup;

/** The passphrase or recovery code does not match the backup's key-check value (nothing was decrypted). */
public final class WrongBackupSecretException extends BackupFormatException {
    private static final long serialVersionUID = 1L;

    public WrongBackupSecretException(String message) {
        super(message);
    }
}
