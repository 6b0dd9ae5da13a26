package dev.parley.desktop.service;

import dev.parley.desktop.profile.BackupProgress;
import java.nio.file.Path;

/**
 * Encrypted backups (issue #17): export the unlocked profile to one file, or create this app's profile from one.
 * Both take seconds to minutes (Argon2id, streaming I/O): call them off the UI thread.
 */
public interface BackupService {
    /**
     * The outcome of an export.
     *
     * @param recoveryCode the generated code, six groups of five digits, when no passphrase was given (null
     *                     otherwise): show it once; the caller wipes it
     */
    record Exported(char[] recoveryCode, long rows, long files, long bytes) {
    }

    /** What a backup file needs to be restored. */
    enum SecretKind { PASSPHRASE, RECOVERY_CODE }

    /**
     * Writes a backup of the unlocked profile to {@code target} (which must not exist), under {@code passphrase}, or
     * under a newly generated recovery code if {@code passphrase} is null.
     *
     * @throws ProfileLockedException no profile is unlocked
     * @throws InvalidInputException  the target exists or its folder does not
     */
    Exported export(Path target, char[] passphrase, BackupProgress progress) throws ServiceException;

    /**
     * Reads which secret {@code file} needs, without any secret.
     *
     * @throws BackupUnreadableException not a Parley backup, or a newer format
     */
    SecretKind secretKind(Path file) throws ServiceException;

    /**
     * Creates this app's profile (which must not exist) from {@code file}, protected by {@code newPassphrase}, and
     * unlocks it. Its sessions restart: contacts see a line saying so at the first message.
     *
     * @param secret the backup's passphrase or recovery code (spaces allowed)
     * @throws WrongPassphraseException  wrong backup passphrase or recovery code; nothing was written
     * @throws ProfileExistsException    the profile exists; nothing was written
     * @throws BackupUnreadableException not a backup, a newer format, truncated, damaged or modified; nothing was kept
     */
    void restore(Path file, char[] secret, char[] newPassphrase, BackupProgress progress) throws ServiceException;
}
