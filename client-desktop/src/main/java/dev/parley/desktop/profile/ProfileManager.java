package dev.parley.desktop.profile;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.h2.DatabaseOpenException;
import dev.parley.desktop.storage.h2.H2Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, lists, unlocks and re-keys profiles in one data directory.
 *
 * <pre>{@code
 * ProfileManager profiles = new ProfileManager(AppDirectories.fromEnvironment(), CryptoProviders.preferred(),
 *         Argon2Params.DESKTOP_DEFAULT);
 * try (UnlockedProfile profile = profiles.unlock(new ProfileName("alice"), passphrase, eventBus::publish)) {
 *     profile.storage().transactions().transaction(true, txn -> ...);
 * } catch (WrongPassphraseException e) { ... }
 * }</pre>
 *
 * <p>On disk a profile is {@code <data dir>/<name>/profile.json} (see {@link ProfileHeader}) and
 * {@code <data dir>/<name>/data-<n>.mv.db}, an H2 database encrypted with a key derived from the passphrase. The
 * passphrase is never stored; callers own the {@code char[]} they pass and should wipe it afterwards. A wrong
 * passphrase is detected from the header's key-check value before the database is touched. Argon2id runs for
 * every unlock (about a second with {@link Argon2Params#DESKTOP_DEFAULT}): call these methods off the UI thread.
 *
 * <p>Changing the passphrase re-encrypts the database into {@code data-<n+1>.mv.db}, syncs it, then replaces the
 * header atomically (temp file + atomic move): the header names the database it belongs to, so at every instant the
 * profile opens with either the old or the new passphrase. Files left behind by an interrupted change are removed at
 * the next successful unlock.
 *
 * <p>A profile can be unlocked once at a time through one manager (a second unlock throws
 * {@link ProfileInUseException}); H2's file lock refuses other processes the same way. Thread-safe.
 */
public final class ProfileManager {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileManager.class);

    private final AppDirectories directories;
    private final CryptoProvider crypto;
    private final Argon2Params newProfileParams;
    private final Set<ProfileName> open = new HashSet<>();

    /**
     * @param newProfileParams Argon2id cost for new profiles and passphrase changes (existing profiles keep the
     *                         parameters in their header until the passphrase changes)
     */
    public ProfileManager(AppDirectories directories, CryptoProvider crypto, Argon2Params newProfileParams) {
        this.directories = Objects.requireNonNull(directories, "directories");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.newProfileParams = Objects.requireNonNull(newProfileParams, "newProfileParams");
    }

    public AppDirectories directories() {
        return directories;
    }

    /** Existing profiles, sorted by name. */
    public List<ProfileName> list() throws ProfileStorageException {
        return directories.listProfiles();
    }

    public boolean exists(ProfileName name) {
        return Files.isRegularFile(headerFile(name)) && !PendingJoins.isPending(directories.profileDirectory(name));
    }

    /**
     * Creates a profile and returns it unlocked, with {@code account} stored in its database.
     *
     * @throws ProfileExistsException  if a profile of that name exists
     * @throws IllegalArgumentException if the passphrase is empty, longer than 1024 characters or not valid text
     */
    public UnlockedProfile create(ProfileName name, AccountInfo account, char[] passphrase, EventPublisher publisher)
            throws ProfileException {
        return create(name, account, passphrase, publisher, false);
    }

    /**
     * Like {@link #create}, for a profile that joins an account as a new device (issue #17): it is no profile (not
     * listed, not unlocked; the next creation under its name removes it) until {@link #completePending}; a failed join
     * calls {@link #discardPending} once the profile is locked.
     */
    public UnlockedProfile createPending(ProfileName name, AccountInfo account, char[] passphrase,
                                         EventPublisher publisher) throws ProfileException {
        return create(name, account, passphrase, publisher, true);
    }

    /** The join of this pending profile succeeded: it becomes an ordinary profile. */
    public void completePending(UnlockedProfile profile) throws ProfileException {
        try {
            PendingJoins.clear(profile.directory());
        } catch (IOException e) {
            throw new ProfileStorageException("could not finish the new profile", e);
        }
    }

    /** Deletes the locked profile {@code name} if it is still pending (its join failed); otherwise does nothing. */
    public void discardPending(ProfileName name) throws ProfileException {
        claim(name);
        try {
            if (PendingJoins.removeAbandoned(directories.profileDirectory(name))) {
                LOG.info("Removed the profile of a join that did not finish");
            }
        } catch (IOException e) {
            throw new ProfileStorageException("could not remove the profile of a failed join", e);
        } finally {
            release(name);
        }
    }

    private UnlockedProfile create(ProfileName name, AccountInfo account, char[] passphrase, EventPublisher publisher,
                                   boolean pending) throws ProfileException {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(publisher, "publisher");
        ProfileKeys.checkPassphrase(passphrase);
        claim(name);
        boolean done = false;
        try {
            Path dir = directories.profileDirectory(name);
            if (exists(name)) {
                throw new ProfileExistsException("a profile of that name already exists");
            }
            ProfileFiles.prepareDirectory(dir);
            if (pending) {
                try {
                    PendingJoins.mark(dir);
                } catch (IOException e) {
                    throw new ProfileStorageException("could not create the profile directory", e);
                }
            }
            byte[] salt = crypto.random().bytes(ProfileHeader.SALT_BYTES);
            String database = ProfileHeader.databaseName(1);
            try (ProfileKeys keys = ProfileKeys.derive(crypto, passphrase, salt, newProfileParams)) {
                H2Storage storage = H2Storage.create(dir.resolve(database), keys.databaseKey(), publisher, crypto);
                try {
                    storage.transactions().transaction(false, txn -> storage.account().put(txn, account));
                    ProfileFiles.writeHeader(dir, new ProfileHeader(ProfileHeader.FORMAT_V1, newProfileParams, salt,
                            keys.keyCheck(), database));
                } catch (StorageException | ProfileException | RuntimeException e) {
                    storage.close();
                    ProfileFiles.deleteOwnFiles(dir, null);
                    ProfileFiles.removeAbandoned(dir);
                    throw e;
                }
                LOG.info("Created a profile");
                done = true;
                return new UnlockedProfile(name, dir, storage, () -> release(name));
            }
        } catch (StorageException e) {
            throw mapStorage(e);
        } finally {
            if (!done) {
                release(name);
            }
        }
    }

    /**
     * Unlocks a profile.
     *
     * @throws ProfileNotFoundException    no such profile
     * @throws WrongPassphraseException    the passphrase is wrong (no file was touched)
     * @throws CorruptDatabaseException    header or database damaged (files left as they were)
     * @throws UntrustedDatabaseException  the database contains objects Parley never creates
     * @throws ProfileInUseException       already unlocked
     */
    public UnlockedProfile unlock(ProfileName name, char[] passphrase, EventPublisher publisher)
            throws ProfileException {
        return unlock(name, passphrase, publisher, dev.parley.desktop.storage.MigrationProgress.NONE);
    }

    /**
     * As {@link #unlock(ProfileName, char[], EventPublisher)}; a history written by an older Parley is migrated
     * first, reporting to {@code progress} on the calling thread (never the UI thread: the unlock blocks).
     */
    public UnlockedProfile unlock(ProfileName name, char[] passphrase, EventPublisher publisher,
                                  dev.parley.desktop.storage.MigrationProgress progress) throws ProfileException {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(progress, "progress");
        ProfileKeys.checkPassphrase(passphrase);
        claim(name);
        boolean done = false;
        try {
            Path dir = directories.profileDirectory(name);
            ProfileHeader header = readHeader(name);
            try (ProfileKeys keys = ProfileKeys.derive(crypto, passphrase, header.salt(), header.argon2())) {
                if (!keys.matches(header.keyCheck())) {
                    throw new WrongPassphraseException("wrong passphrase");
                }
                H2Storage storage = H2Storage.open(dir.resolve(header.database()), keys.databaseKey(), publisher,
                        crypto, progress);
                ProfileFiles.removeLeftovers(dir, header.database());
                done = true;
                return new UnlockedProfile(name, dir, storage, () -> release(name));
            }
        } catch (StorageException e) {
            throw mapStorage(e);
        } finally {
            if (!done) {
                release(name);
            }
        }
    }

    /**
     * Checks, without touching the profile, that {@link #changePassphrase} would get past its checks: both
     * passphrases are usable and {@code oldPassphrase} is the profile's. Callers that must release the open database
     * before a change call this first, so a wrong passphrase disturbs nothing.
     *
     * @throws WrongPassphraseException  if {@code oldPassphrase} is wrong
     * @throws IllegalArgumentException  if either passphrase is unusable
     */
    public void verifyPassphraseChange(UnlockedProfile profile, char[] oldPassphrase, char[] newPassphrase)
            throws ProfileException {
        verifiedOldKeys(readHeader(profile.name()), oldPassphrase, newPassphrase).close();
    }

    /** Checks both passphrases and returns the old passphrase's keys, which the caller closes. */
    private ProfileKeys verifiedOldKeys(ProfileHeader header, char[] oldPassphrase, char[] newPassphrase)
            throws WrongPassphraseException {
        ProfileKeys.checkPassphrase(oldPassphrase);
        ProfileKeys.checkPassphrase(newPassphrase);
        ProfileKeys oldKeys = ProfileKeys.derive(crypto, oldPassphrase, header.salt(), header.argon2());
        if (!oldKeys.matches(header.keyCheck())) {
            oldKeys.close();
            throw new WrongPassphraseException("wrong passphrase");
        }
        return oldKeys;
    }

    /**
     * Changes the passphrase of an unlocked profile: locks it, re-keys the database and the header (see the class
     * comment for why a crash cannot lose the profile), and returns it unlocked again under the new passphrase. If
     * the change fails after the check of the old passphrase, the exception propagates, {@code profile} stays locked
     * and the profile still opens with the old passphrase.
     *
     * @throws WrongPassphraseException if {@code oldPassphrase} is wrong (the profile stays unlocked)
     */
    public UnlockedProfile changePassphrase(UnlockedProfile profile, char[] oldPassphrase, char[] newPassphrase,
                                            EventPublisher publisher) throws ProfileException {
        Objects.requireNonNull(publisher, "publisher");
        ProfileName name = profile.name();
        ProfileHeader header = readHeader(name);
        try (ProfileKeys oldKeys = verifiedOldKeys(header, oldPassphrase, newPassphrase)) {
            profile.lock();
            claim(name);
            boolean done = false;
            try {
                Path dir = directories.profileDirectory(name);
                ProfileFiles.deleteOwnFiles(dir, header.database());
                byte[] salt = crypto.random().bytes(ProfileHeader.SALT_BYTES);
                String database = ProfileHeader.databaseName(header.generation() + 1);
                try (ProfileKeys newKeys = ProfileKeys.derive(crypto, newPassphrase, salt, newProfileParams)) {
                    H2Storage.copyWithNewKey(dir.resolve(header.database()), oldKeys.databaseKey(),
                            dir.resolve(database), newKeys.databaseKey(), crypto);
                    // Open (and so verify) the new copy before the header commits to it.
                    H2Storage storage = H2Storage.open(dir.resolve(database), newKeys.databaseKey(), publisher, crypto);
                    try {
                        ProfileFiles.writeHeader(dir, new ProfileHeader(ProfileHeader.FORMAT_V1, newProfileParams, salt,
                                newKeys.keyCheck(), database));
                    } catch (ProfileException | RuntimeException e) {
                        storage.close();
                        throw e;
                    }
                    ProfileFiles.removeLeftovers(dir, database);
                    LOG.info("Changed the passphrase of a profile");
                    done = true;
                    return new UnlockedProfile(name, dir, storage, () -> release(name));
                }
            } catch (StorageException e) {
                throw mapStorage(e);
            } finally {
                if (!done) {
                    release(name);
                }
            }
        }
    }

    /** Fills a new profile's staging directory: its database (at {@code databaseBase}, under the key) and files. */
    interface StagedContent {
        void fill(Path staging, Path databaseBase, SecretBytes databaseKey) throws IOException, StorageException;
    }

    /**
     * Creates the profile {@code name} from content written into a private staging directory next to it (a restore,
     * issue #17): the database is opened once (migrating it, and so checking it), the header written, and the
     * directory moved into place atomically. On any failure the staging directory is removed: no profile appears.
     *
     * @throws ProfileExistsException if the profile or its directory exists
     */
    void createFrom(ProfileName name, char[] passphrase, StagedContent content) throws ProfileException, IOException {
        ProfileKeys.checkPassphrase(passphrase);
        claim(name);
        Path dir = directories.profileDirectory(name);
        Path staging = dir.resolveSibling("." + name.value() + ".restore");
        boolean done = false;
        try {
            PendingJoins.removeAbandoned(dir);
            if (exists(name) || Files.exists(dir)) {
                throw new ProfileExistsException("a profile of that name already exists");
            }
            Files.createDirectories(dir.getParent());
            FileSync.deleteTree(staging);
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(staging);
            }
            byte[] salt = crypto.random().bytes(ProfileHeader.SALT_BYTES);
            String database = ProfileHeader.databaseName(1);
            try (ProfileKeys keys = ProfileKeys.derive(crypto, passphrase, salt, newProfileParams)) {
                content.fill(staging, staging.resolve(database), keys.databaseKey());
                H2Storage.open(staging.resolve(database), keys.databaseKey(), event -> { }, crypto).close();
                ProfileFiles.writeHeader(staging, new ProfileHeader(ProfileHeader.FORMAT_V1, newProfileParams, salt,
                        keys.keyCheck(), database));
            }
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            FileSync.directory(dir.getParent());
            done = true;
            LOG.info("Created a profile from a backup");
        } catch (StorageException e) {
            throw mapStorage(e);
        } finally {
            if (!done) {
                FileSync.deleteTree(staging);
            }
            release(name);
        }
    }

    private synchronized void claim(ProfileName name) throws ProfileInUseException {
        if (!open.add(name)) {
            throw new ProfileInUseException("the profile is already unlocked or busy");
        }
    }

    private synchronized void release(ProfileName name) {
        open.remove(name);
    }

    private Path headerFile(ProfileName name) {
        return directories.profileDirectory(name).resolve(AppDirectories.HEADER_FILE);
    }

    private ProfileHeader readHeader(ProfileName name) throws ProfileException {
        Path file = headerFile(name);
        if (!Files.isRegularFile(file) || PendingJoins.isPending(file.getParent())) {
            throw new ProfileNotFoundException("no profile of that name");
        }
        try {
            if (Files.size(file) > ProfileHeaderCodec.MAX_BYTES) {
                throw new CorruptDatabaseException("the profile header is too large");
            }
            return ProfileHeaderCodec.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ProfileStorageException("could not read the profile header", e);
        }
    }

    private static ProfileException mapStorage(StorageException e) {
        if (!(e instanceof DatabaseOpenException open)) {
            return new ProfileStorageException("the profile database failed", e);
        }
        switch (open.reason()) {
            case UNTRUSTED:
                return new UntrustedDatabaseException("the profile database contains foreign objects", e);
            case IN_USE:
                return new ProfileInUseException("the profile database is in use by another process", e);
            case WRONG_KEY:
                return new CorruptDatabaseException("the database does not match the profile header", e);
            case MISSING:
                return new CorruptDatabaseException("the profile database file is missing", e);
            case ALREADY_EXISTS:
                return new ProfileExistsException("a database file already exists for this profile", e);
            case INVALID_PATH:
                return new ProfileStorageException("the profile path is not acceptable", e);
            case CORRUPT:
            default:
                return new CorruptDatabaseException("the profile database is damaged", e);
        }
    }
}
