package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.service.ServiceException;
import java.util.List;

/**
 * What the first-run and unlock screens ask of the app: which profiles exist, create one, unlock one. Implemented
 * over the services' composition root by {@code dev.parley.desktop.ui.ProfileSessions}; blocking, so view models
 * call it through {@code BackgroundTasks}.
 */
public interface ProfileGateway {

    /**
     * The address of a relay that another profile on this computer runs ("Run a relay on this computer"), so a
     * second profile can connect to it; empty if there is none.
     */
    java.util.Optional<String> localRelay();

    /** The names of the profiles on this computer, sorted. */
    List<String> profiles() throws ServiceException;

    /**
     * Creates {@code profile}, sets up its relay (starting the embedded one if chosen) and registers the user.
     * Wipes the passphrase.
     */
    void create(String profile, NewProfile request) throws ServiceException;

    /**
     * Unlocks {@code profile} and connects to its relay (starting the embedded one if the profile hosts it).
     * The caller may wipe {@code passphrase} afterwards.
     *
     * @throws dev.parley.desktop.service.WrongPassphraseException if the passphrase does not open it
     */
    void unlock(String profile, char[] passphrase) throws ServiceException;

    /**
     * As {@link #unlock(String, char[])}; a history written by an older Parley is updated first, reporting to
     * {@code progress} on the calling (background) thread.
     */
    default void unlock(String profile, char[] passphrase, dev.parley.desktop.storage.MigrationProgress progress)
            throws ServiceException {
        unlock(profile, passphrase);
    }

    /**
     * Which secret the backup {@code file} needs (issue #17), read from its header without any secret.
     *
     * @throws dev.parley.desktop.service.BackupUnreadableException not a Parley backup, or a newer format
     */
    dev.parley.desktop.service.BackupService.SecretKind backupSecretKind(java.nio.file.Path file) throws ServiceException;

    /**
     * Creates {@code profile} from the backup {@code file} (issue #17), protected by {@code passphrase}, unlocks it and
     * connects to its relay. Nothing is written when the secret is wrong or the file is damaged or from a newer
     * version. Wipes {@code secret} and {@code passphrase}.
     */
    void restore(String profile, java.nio.file.Path file, char[] secret, char[] passphrase,
                 dev.parley.desktop.profile.BackupProgress progress) throws ServiceException;

    /**
     * Creates {@code profile} as a new device of an existing account (issue #17): joins with the code its other
     * device shows, waits until that device's user confirmed (up to the code's 10 minutes), then unlocks the profile
     * and connects. A failed or cancelled join leaves no profile. Wipes the passphrase.
     */
    void join(String profile, JoinRequest request) throws ServiceException;

    /** Stops a {@link #join} in progress: it fails at once (and leaves no profile). Harmless when none runs. */
    void cancelJoin();
}
