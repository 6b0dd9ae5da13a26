package dev.parley.desktop.ui.settings;

import dev.parley.desktop.service.ServiceException;
import java.util.Optional;

/** What the settings screen reads and changes. Blocking; the view model calls it through BackgroundTasks. */
public interface SettingsGateway {

    SettingsValues load() throws ServiceException;

    /** Stores {@code values} and applies them (read receipts to the messaging service, and so on). */
    void save(SettingsValues values) throws ServiceException;

    /** The relay this profile uses, as a URI. */
    String relayAddress() throws ServiceException;

    /** The relay this profile runs on this computer, if it runs one. */
    Optional<EmbeddedRelay> embeddedRelay();

    /**
     * Re-keys the profile.
     *
     * @throws dev.parley.desktop.service.WrongPassphraseException if {@code current} is wrong
     */
    void changePassphrase(char[] current, char[] next) throws ServiceException;

    /** Where Settings > Backup suggests writing a backup (a new file in the home folder). */
    java.nio.file.Path suggestedBackupFile();

    /**
     * Writes a backup of the profile (issue #17) under {@code passphrase}, or a generated recovery code if null.
     *
     * @throws dev.parley.desktop.service.InvalidInputException if the file exists or its folder does not
     */
    dev.parley.desktop.service.BackupService.Exported exportBackup(java.nio.file.Path target, char[] passphrase,
            dev.parley.desktop.profile.BackupProgress progress) throws ServiceException;

    /** The scheduled backups in force (issue #17), if any. */
    java.util.Optional<dev.parley.desktop.service.backup.BackupSchedule> backupSchedule() throws ServiceException;

    /** Sets scheduled backups; the first time returns the recovery code they use (show it once). */
    java.util.Optional<char[]> setBackupSchedule(java.nio.file.Path folder,
            dev.parley.desktop.service.backup.BackupSchedule.Interval interval, int keep) throws ServiceException;

    /** Stops scheduled backups. */
    void clearBackupSchedule() throws ServiceException;
}
