package dev.parley.desktop.service.account;

import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Usernames;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.CorruptDatabaseException;
import dev.parley.desktop.profile.ProfileException;
import dev.parley.desktop.profile.ProfileInUseException;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.ProfileNotFoundException;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.profile.UntrustedDatabaseException;
import dev.parley.desktop.service.AccountService;
import dev.parley.desktop.service.AccountStatus;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ProfileCorruptException;
import dev.parley.desktop.service.ProfileExistsException;
import dev.parley.desktop.service.ProfileLockedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.WrongPassphraseException;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.EventPublisher;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AccountService} over the client's {@link ProfileManager}. Unlocking hands the open profile to a
 * {@link Lifecycle} (the composition root), which builds the profile's services and returns its {@link AccountKeys}.
 */
public final class DefaultAccountService implements AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountService.class);

    /** Builds and tears down the services of an unlocked profile. */
    public interface Lifecycle {
        AccountKeys opened(UnlockedProfile profile) throws ServiceException;

        /**
         * Stops the profile's services (before the profile locks).
         *
         * @param reopening true when {@link #opened} follows at once for the same profile (a passphrase change): the
         *                  services should come back as they were, connected if they were connected
         */
        void closing(boolean reopening);
    }

    private final ProfileManager profiles;
    private final ProfileName name;
    private final EventPublisher publisher;
    private final Lifecycle lifecycle;
    private final Supplier<RelayGateway> gateway;
    private final int preKeyLowWater;
    private UnlockedProfile profile;
    private AccountKeys keys;
    /** Set while the profile {@link #createLinked} made is not registered yet (issue #17). */
    private boolean joining;

    public DefaultAccountService(ProfileManager profiles, ProfileName name, EventPublisher publisher, Lifecycle lifecycle,
                                 Supplier<RelayGateway> gateway, int preKeyLowWater) {
        this.profiles = profiles;
        this.name = name;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.gateway = gateway;
        this.preKeyLowWater = preKeyLowWater;
    }

    @Override
    public synchronized void create(String username, RelayAddress relay, char[] passphrase) throws ServiceException {
        if (!Usernames.isValid(username)) {
            throw new InvalidInputException("invalid username: 3 to 32 characters a-z 0-9 . _ - starting with a letter or digit");
        }
        if (profile != null) {
            throw new ProfileExistsException("a profile is already unlocked");
        }
        try {
            profile = profiles.create(name, new AccountInfo(username, relay.toText()), passphrase, publisher);
        } catch (dev.parley.desktop.profile.ProfileExistsException e) {
            throw new ProfileExistsException("a profile with this name already exists", e);
        } catch (ProfileException e) {
            throw map(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unusable passphrase: " + e.getMessage());
        }
        keys = lifecycle.opened(profile);
        keys.initialize();
        LOG.info("profile created");
    }

    /**
     * Issue #17: creates this profile as a new device of an existing account (its username and identity key pair come
     * from the other device), with prekeys of its own; returns its keys for the rest of the linking.
     */
    public synchronized AccountKeys createLinked(String username, RelayAddress relay, char[] passphrase,
                                                 dev.parley.crypto.identity.IdentityKeyPair identity)
            throws ServiceException {
        if (profile != null) {
            throw new ProfileExistsException("a profile is already unlocked");
        }
        try {
            profile = profiles.createPending(name, new AccountInfo(username, relay.toText()), passphrase, publisher);
        } catch (dev.parley.desktop.profile.ProfileExistsException e) {
            throw new ProfileExistsException("a profile with this name already exists", e);
        } catch (ProfileException e) {
            throw map(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unusable passphrase: " + e.getMessage());
        }
        joining = true;
        keys = lifecycle.opened(profile);
        keys.initialize(identity);
        LOG.info("profile created for a linked device");
        return keys;
    }

    /** Issue #17: the device made by {@link #createLinked} was registered: its profile becomes an ordinary one. */
    public synchronized void finishLinked() throws ServiceException {
        requireUnlocked();
        try {
            profiles.completePending(profile);
        } catch (ProfileException e) {
            throw map(e);
        }
        joining = false;
    }

    /**
     * Issue #17: the join that {@link #createLinked} began failed: locks the profile and deletes it, so nothing is
     * left behind. Does nothing when {@link #createLinked} made no profile or {@link #finishLinked} ran.
     */
    public synchronized void discardLinked() {
        if (!joining) {
            return;
        }
        joining = false;
        lock();
        try {
            profiles.discardPending(name);
        } catch (ProfileException e) {
            LOG.warn("could not remove the profile of a failed join; it is removed when the name is used again: {}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void unlock(char[] passphrase) throws ServiceException {
        unlock(passphrase, dev.parley.desktop.storage.MigrationProgress.NONE);
    }

    @Override
    public synchronized void unlock(char[] passphrase, dev.parley.desktop.storage.MigrationProgress progress)
            throws ServiceException {
        if (profile != null) {
            return;
        }
        try {
            profile = profiles.unlock(name, passphrase, publisher, progress);
        } catch (ProfileException e) {
            throw map(e);
        } catch (IllegalArgumentException e) {
            throw new WrongPassphraseException("wrong passphrase");
        }
        keys = lifecycle.opened(profile);
    }

    @Override
    public synchronized void lock() {
        if (profile == null) {
            return;
        }
        lifecycle.closing(false);
        profile.lock();
        profile = null;
        keys = null;
    }

    @Override
    public synchronized boolean isUnlocked() {
        return profile != null;
    }

    @Override
    public synchronized void changePassphrase(char[] current, char[] next) throws ServiceException {
        requireUnlocked();
        // Check first: a wrong or unusable passphrase must leave the running services (and connection) alone.
        try {
            profiles.verifyPassphraseChange(profile, current, next);
        } catch (dev.parley.desktop.profile.WrongPassphraseException e) {
            throw new WrongPassphraseException("wrong passphrase", e);
        } catch (ProfileException e) {
            throw map(e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unusable passphrase: " + e.getMessage());
        }
        lifecycle.closing(true);
        keys = null;
        try {
            profile = profiles.changePassphrase(profile, current, next, publisher);
        } catch (dev.parley.desktop.profile.WrongPassphraseException e) {
            keys = lifecycle.opened(profile);
            throw new WrongPassphraseException("wrong passphrase", e);
        } catch (ProfileException e) {
            if (profile.isLocked()) {
                profile = null;
            } else {
                keys = lifecycle.opened(profile);
            }
            throw map(e);
        } catch (IllegalArgumentException e) {
            keys = lifecycle.opened(profile);
            throw new InvalidInputException("unusable passphrase: " + e.getMessage());
        }
        keys = lifecycle.opened(profile);
        LOG.info("passphrase changed");
    }

    @Override
    public void register(Optional<String> inviteCode) throws ServiceException {
        keys().register(inviteCode);
    }

    @Override
    public AccountStatus status() throws ServiceException {
        AccountKeys current = keys();
        AccountInfo account = current.account();
        return new AccountStatus(account.username(), RelayAddress.fromText(account.relayAddress()),
                HexFormat.of().formatHex(current.identity().publicKey().bytes()));
    }

    @Override
    public int topUpPreKeys() throws ServiceException {
        AccountKeys current = keys();
        Response response = gateway.get().call(new Request.UploadPreKeys(null, List.of()));
        int remaining = ((Response.PreKeyCount) response).remaining();
        if (remaining >= preKeyLowWater) {
            return 0;
        }
        int wanted = current.stock() - remaining;
        current.uploadOneTimePreKeys(wanted);
        return wanted;
    }

    @Override
    public void rotateSignedPreKey() throws ServiceException {
        keys().rotateSignedPreKey();
    }

    @Override
    public void changeRelay(RelayAddress relay) throws ServiceException {
        keys().changeRelay(relay);
    }

    @Override
    public byte[] embeddedRelayDatabaseKey() throws ServiceException {
        return keys().embeddedRelayDatabaseKey();
    }

    private synchronized AccountKeys keys() throws ProfileLockedException {
        requireUnlocked();
        return keys;
    }

    private void requireUnlocked() throws ProfileLockedException {
        if (profile == null || keys == null) {
            throw new ProfileLockedException("the profile is locked");
        }
    }

    static ServiceException map(ProfileException e) {
        if (e instanceof dev.parley.desktop.profile.WrongPassphraseException) {
            return new WrongPassphraseException("wrong passphrase", e);
        }
        if (e instanceof ProfileNotFoundException) {
            return new ProfileLockedException("no such profile (create it with init)", e);
        }
        if (e instanceof CorruptDatabaseException || e instanceof UntrustedDatabaseException) {
            return new ProfileCorruptException("the profile's files are damaged or were tampered with", e);
        }
        if (e instanceof ProfileInUseException) {
            return new dev.parley.desktop.service.ProfileInUseException(
                    "the profile is open in another window or process", e);
        }
        return new StorageFailureException("the profile cannot be opened: " + e.getMessage(), e);
    }
}
