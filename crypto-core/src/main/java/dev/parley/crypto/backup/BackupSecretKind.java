package dev.parley.crypto.backup;

/** What protects a backup, recorded in its header so a restore knows what to ask for. */
public enum BackupSecretKind {
    /** A passphrase the user chose. */
    PASSPHRASE(1),
    /** A generated 30-digit {@link RecoveryCode}. */
    RECOVERY_CODE(2);

    private final int code;

    BackupSecretKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static BackupSecretKind of(int code) throws BackupFormatException {
        for (BackupSecretKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new BackupFormatException("the backup header names an unknown kind of secret");
    }
}
