package dev.parley.desktop.service.backup;

import dev.parley.crypto.backup.BackupFormatException;
import dev.parley.crypto.backup.BackupHeader;
import dev.parley.crypto.backup.BackupKeys;
import dev.parley.crypto.backup.BackupSecretKind;
import dev.parley.crypto.backup.RecoveryCode;
import dev.parley.crypto.backup.WrongBackupSecretException;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.profile.BackupProgress;
import dev.parley.desktop.profile.ProfileBackups;
import dev.parley.desktop.profile.ProfileException;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.service.AccountService;
import dev.parley.desktop.service.BackupService;
import dev.parley.desktop.service.BackupUnreadableException;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ProfileExistsException;
import dev.parley.desktop.service.ProfileLockedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.WrongPassphraseException;
import dev.parley.desktop.storage.backup.MalformedBackupException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link BackupService} over {@link ProfileBackups}; restore then unlocks through the account service. */
public final class DefaultBackupService implements BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultBackupService.class);

    private final ProfileBackups backups;
    private final ProfileName name;
    private final Supplier<UnlockedProfile> unlocked;
    private final AccountService account;
    private final RandomSource random;

    /** @param unlocked the unlocked profile, or null while locked */
    public DefaultBackupService(ProfileBackups backups, ProfileName name, Supplier<UnlockedProfile> unlocked,
                                AccountService account, RandomSource random) {
        this.backups = backups;
        this.name = name;
        this.unlocked = unlocked;
        this.account = account;
        this.random = random;
    }

    @Override
    public Exported export(Path target, char[] passphrase, BackupProgress progress) throws ServiceException {
        UnlockedProfile profile = unlocked.get();
        if (profile == null) {
            throw new ProfileLockedException("the profile is locked");
        }
        Path file = target.toAbsolutePath();
        if (!Files.isDirectory(file.getParent())) {
            throw new InvalidInputException("the folder of the backup file does not exist");
        }
        RecoveryCode code = passphrase == null ? RecoveryCode.generate(random) : null;
        byte[] secret = code != null ? code.secret() : passphraseSecret(passphrase);
        try {
            ProfileBackups.Summary summary = backups.export(profile, file, secret,
                    code != null ? BackupSecretKind.RECOVERY_CODE : BackupSecretKind.PASSPHRASE, progress);
            LOG.info("backup written ({} rows, {} files)", summary.rows(), summary.files());
            return new Exported(code != null ? code.grouped() : null, summary.rows(), summary.files(), summary.bytes());
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("the backup file already exists; choose a new name");
        } catch (IOException e) {
            throw new StorageFailureException("the backup could not be written: " + e.getMessage(), e);
        } catch (ProfileException e) {
            throw new StorageFailureException("the profile could not be read for the backup", e);
        } finally {
            SecretBytes.wipe(secret);
            if (code != null) {
                code.wipe();
            }
        }
    }

    /** A backup under an existing recovery code (scheduled backups); the caller keeps and wipes the code. */
    ProfileBackups.Summary exportWithCode(Path target, RecoveryCode code, BackupProgress progress)
            throws ServiceException {
        UnlockedProfile profile = unlocked.get();
        if (profile == null) {
            throw new ProfileLockedException("the profile is locked");
        }
        byte[] secret = code.secret();
        try {
            return backups.export(profile, target, secret, BackupSecretKind.RECOVERY_CODE, progress);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("the backup file already exists");
        } catch (IOException e) {
            throw new StorageFailureException("the backup could not be written: " + e.getMessage(), e);
        } catch (ProfileException e) {
            throw new StorageFailureException("the profile could not be read for the backup", e);
        } finally {
            SecretBytes.wipe(secret);
        }
    }

    @Override
    public SecretKind secretKind(Path file) throws ServiceException {
        return kindOf(file);
    }

    /** {@link #secretKind}, without a profile (the onboarding screen asks before any profile exists). */
    public static SecretKind kindOf(Path file) throws ServiceException {
        return header(file).kind() == BackupSecretKind.RECOVERY_CODE ? SecretKind.RECOVERY_CODE : SecretKind.PASSPHRASE;
    }

    @Override
    public void restore(Path file, char[] secret, char[] newPassphrase, BackupProgress progress)
            throws ServiceException {
        byte[] key = secretFor(secretKind(file), secret);
        try {
            backups.restore(name, file, key, newPassphrase, progress);
        } catch (WrongBackupSecretException e) {
            throw new WrongPassphraseException("wrong backup passphrase or recovery code", e);
        } catch (BackupFormatException | MalformedBackupException e) {
            throw new BackupUnreadableException(e.getMessage(), e);
        } catch (dev.parley.desktop.profile.ProfileExistsException e) {
            throw new ProfileExistsException("a profile of that name already exists; restore into a new name", e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unusable passphrase for the new profile: " + e.getMessage());
        } catch (IOException | ProfileException e) {
            throw new StorageFailureException("the backup could not be restored: " + e.getMessage(), e);
        } finally {
            SecretBytes.wipe(key);
        }
        LOG.info("profile restored from a backup");
        account.unlock(newPassphrase);
    }

    private static BackupHeader header(Path file) throws ServiceException {
        try {
            return ProfileBackups.inspect(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such backup file");
        } catch (BackupFormatException e) {
            throw new BackupUnreadableException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageFailureException("the backup file cannot be read", e);
        }
    }

    private static byte[] secretFor(SecretKind kind, char[] typed) throws InvalidInputException {
        if (kind == SecretKind.RECOVERY_CODE) {
            try {
                RecoveryCode code = RecoveryCode.parse(typed);
                byte[] secret = code.secret();
                code.wipe();
                return secret;
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("this backup is protected by a recovery code: " + e.getMessage());
            }
        }
        return passphraseSecret(typed);
    }

    private static byte[] passphraseSecret(char[] passphrase) throws InvalidInputException {
        try {
            return BackupKeys.passphraseSecret(passphrase);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unusable backup passphrase: " + e.getMessage());
        }
    }
}
