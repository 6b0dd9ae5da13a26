package dev.parley.desktop.ui;

import dev.parley.desktop.app.AppConfig;
import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.SynchronousEventBus;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.profile.ProfileStorageException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.settings.EmbeddedRelay;
import dev.parley.relay.DatabaseKey;
import dev.parley.desktop.ui.settings.SettingsGateway;
import dev.parley.desktop.ui.settings.SettingsValues;
import dev.parley.desktop.ui.unlock.NewProfile;
import dev.parley.desktop.ui.unlock.RelayChoice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's {@link SessionGateway} over the services' composition root ({@link ParleyApp}), one profile at a
 * time, plus the embedded relay of a profile that hosts one. The relay keeps running while the profile is locked
 * (others may use it; it holds only ciphertext) and stops when the app exits.
 */
public final class ProfileSessions implements SessionGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileSessions.class);
    /** Where profiles live when set (the {@code --data-dir} option sets it). */
    public static final String DATA_DIR_PROPERTY = AppDirectories.DATA_DIR_PROPERTY;

    private final AppDirectories directories;
    private final Function<ProfileName, AppConfig> configFor;
    private final EventBus bus = new SynchronousEventBus();

    private ParleyApp app;
    private ProfileName open;
    private EmbeddedRelayHost relay;
    private ProfileName relayOwner;
    /** The link of a join in progress (issue #17), closed to cancel it. */
    private volatile dev.parley.desktop.service.connection.JoiningLink joinLink;
    /** How long a join waits for the other device: the code's lifetime. */
    private static final java.time.Duration JOIN_TIMEOUT = java.time.Duration.ofMinutes(10);

    /**
     * @param configFor the composition root's configuration for a profile ({@code AppConfig.defaults} in the app;
     *                  tests lower the Argon2 cost)
     */
    public ProfileSessions(AppDirectories directories, Function<ProfileName, AppConfig> configFor) {
        this.directories = Objects.requireNonNull(directories);
        this.configFor = Objects.requireNonNull(configFor);
    }

    /** Profiles where {@code AppDirectories.fromEnvironment()} says, with the production configuration. */
    public static ProfileSessions fromEnvironment() {
        AppDirectories dirs = AppDirectories.fromEnvironment();
        return new ProfileSessions(dirs, name -> AppConfig.defaults(dirs, name));
    }

    @Override
    public synchronized List<String> profiles() throws ServiceException {
        try {
            return directories.listProfiles().stream().map(ProfileName::value).toList();
        } catch (ProfileStorageException e) {
            throw new StorageFailureException("cannot list the profiles", e);
        }
    }

    @Override
    public Optional<String> localRelay() {
        try {
            for (String profile : profiles()) {
                Optional<Integer> port = EmbeddedRelayHost.configuredPort(directories.profileDirectory(new ProfileName(profile)));
                if (port.isPresent()) {
                    return Optional.of(EmbeddedRelayHost.uriFor(port.get()).toString());
                }
            }
        } catch (ServiceException | IOException e) {
            LOG.warn("cannot look for a local relay: {}", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    @Override
    public synchronized void create(String profile, NewProfile request) throws ServiceException {
        try {
            lock();
            ProfileName name = name(profile);
            Path dir = directories.profileDirectory(name);
            int port = 0;
            RelayAddress address;
            if (request.choice() == RelayChoice.EMBEDDED) {
                port = EmbeddedRelayHost.choosePort();
                address = new RelayAddress(EmbeddedRelayHost.uriFor(port), Optional.empty());
            } else {
                address = request.remote().orElseThrow();
            }
            ParleyApp created = ParleyApp.open(configFor.apply(name), bus);
            created.account().create(request.username(), address, request.passphrase());
            app = created;
            open = name;
            if (request.choice() == RelayChoice.EMBEDDED) {
                startRelay(name, EmbeddedRelayHost.start(dir, port, embeddedRelayKey(created)));
            }
            created.account().register(request.inviteCode());
            created.presence().start();
            created.connection().start();
            LOG.info("profile created and registered");
        } catch (IOException e) {
            throw new RelayUnreachableException("the relay on this computer could not start", e);
        } finally {
            request.wipe();
        }
    }

    @Override
    public synchronized void unlock(String profile, char[] passphrase) throws ServiceException {
        unlock(profile, passphrase, dev.parley.desktop.storage.MigrationProgress.NONE);
    }

    @Override
    public synchronized void unlock(String profile, char[] passphrase,
                                    dev.parley.desktop.storage.MigrationProgress progress) throws ServiceException {
        lock();
        ProfileName name = name(profile);
        ParleyApp opened = ParleyApp.open(configFor.apply(name), bus);
        opened.account().unlock(passphrase, progress);
        goOnline(name, opened);
    }

    @Override
    public dev.parley.desktop.service.BackupService.SecretKind backupSecretKind(Path file) throws ServiceException {
        return dev.parley.desktop.service.backup.DefaultBackupService.kindOf(file);
    }

    @Override
    public synchronized void restore(String profile, Path file, char[] secret, char[] passphrase,
                                     dev.parley.desktop.profile.BackupProgress progress) throws ServiceException {
        try {
            lock();
            ProfileName name = name(profile);
            ParleyApp restored = ParleyApp.open(configFor.apply(name), bus);
            try {
                restored.backups().restore(file, secret, passphrase, progress);
            } catch (ServiceException | RuntimeException e) {
                restored.close();
                throw e;
            }
            goOnline(name, restored);
        } finally {
            java.util.Arrays.fill(secret, '\0');
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    @Override
    public void join(String profile, dev.parley.desktop.ui.unlock.JoinRequest request) throws ServiceException {
        ParleyApp joining;
        ProfileName name;
        try {
            name = name(profile);
            lock();
            joining = ParleyApp.open(configFor.apply(name), bus);
            try {
                // not under this object's lock: the wait for the other device's confirmation takes minutes
                joining.joinAccount(request.relay(), request.code(), request.deviceName(), request.passphrase(),
                        JOIN_TIMEOUT, link -> joinLink = link);
            } catch (ServiceException | RuntimeException e) {
                joining.close();
                throw e;
            } finally {
                joinLink = null;
            }
        } finally {
            request.wipe();
        }
        synchronized (this) {
            goOnline(name, joining);
        }
        try {
            joining.devices().startOwnSessions();
        } catch (ServiceException e) {
            LOG.warn("sessions with this account's other devices start later: {}", e.getClass().getSimpleName());
        }
        LOG.info("profile created as a new device of an account");
    }

    @Override
    public void cancelJoin() {
        dev.parley.desktop.service.connection.JoiningLink link = joinLink;
        if (link != null) {
            link.close();
        }
    }

    /** Makes {@code opened} the session and connects it (starting the embedded relay if the profile hosts one). */
    private void goOnline(ProfileName name, ParleyApp opened) throws ServiceException {
        app = opened;
        open = name;
        if (relay == null || !name.equals(relayOwner)) {
            try {
                Optional<EmbeddedRelayHost> started = EmbeddedRelayHost.configured(directories.profileDirectory(name))
                        ? EmbeddedRelayHost.startIfConfigured(directories.profileDirectory(name), embeddedRelayKey(opened))
                        : Optional.empty();
                if (started.isPresent()) {
                    startRelay(name, started.get());
                }
            } catch (IOException e) {
                LOG.warn("the embedded relay could not start: {}", e.getClass().getSimpleName());
            }
        }
        opened.presence().start();
        opened.connection().start();
    }

    /** The embedded relay's database key, kept in the unlocked profile (the relay's file is unreadable without it). */
    private static DatabaseKey embeddedRelayKey(ParleyApp unlocked) throws ServiceException {
        byte[] key = unlocked.account().embeddedRelayDatabaseKey();
        try {
            return DatabaseKey.of(key);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private void startRelay(ProfileName owner, EmbeddedRelayHost host) {
        if (relay != null) {
            relay.close();
        }
        relay = host;
        relayOwner = owner;
    }

    @Override
    public synchronized UnlockedSession session() {
        ParleyApp current = app;
        if (current == null) {
            throw new IllegalStateException("no profile is unlocked");
        }
        try {
            return new UnlockedSession(new UiServices(current.messaging(), current.contacts(), current.actions(),
                    current.attachments(), current.conversationMarks(), current.groups()), bus,
                    current.connection().state(),
                    () -> current.account().status().username(),
                    new Settings(current, open, new ProfileSettings(directories.profileDirectory(open))),
                    new dev.parley.desktop.ui.people.PeopleServices(current.contacts(), current.profiles(),
                            current.presence(), current.messaging()),
                    new dev.parley.desktop.ui.groups.GroupServices(current.groups(), current.contacts(),
                            () -> current.account().status().username()),
                    new dev.parley.desktop.ui.devices.DeviceServices(current.devices(), current.history()));
        } catch (ServiceException e) {
            throw new IllegalStateException("the profile was locked meanwhile", e);
        }
    }

    /** The address of the embedded relay this app runs, if any. */
    public synchronized Optional<String> embeddedRelayAddress() {
        return relay == null ? Optional.empty() : Optional.of(relay.uri().toString());
    }

    /** The embedded relay this app runs, if the unlocked profile hosts it. */
    synchronized Optional<EmbeddedRelay> embeddedRelayOf(ProfileName profile) {
        if (relay == null || !profile.equals(relayOwner)) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedRelay(relay.uri().toString(), relay.tlsFingerprint()));
    }

    @Override
    public synchronized void lock() {
        if (app != null) {
            app.close();
            app = null;
            open = null;
        }
    }

    @Override
    public synchronized void close() {
        lock();
        if (relay != null) {
            relay.close();
            relay = null;
            relayOwner = null;
        }
    }

    private static ProfileName name(String profile) throws ServiceException {
        try {
            return new ProfileName(profile);
        } catch (IllegalArgumentException e) {
            throw new dev.parley.desktop.service.InvalidInputException("that profile name cannot be used");
        }
    }

    /**
     * The settings screen over the desktop preferences file, the account settings (read receipts and typing
     * indicators, kept in the encrypted settings store and following the account to its other devices, issue #17)
     * and the account service.
     */
    private final class Settings implements SettingsGateway {
        private final ParleyApp session;
        private final ProfileName profile;
        private final ProfileSettings file;

        Settings(ParleyApp session, ProfileName profile, ProfileSettings file) {
            this.session = session;
            this.profile = profile;
            this.file = file;
        }

        @Override
        public SettingsValues load() throws ServiceException {
            dev.parley.desktop.service.AccountSettingsService account = session.accountSettings();
            return file.load().withAccountSettings(account.get(dev.parley.desktop.storage.Setting.READ_RECEIPTS),
                    account.get(dev.parley.desktop.storage.Setting.TYPING_INDICATORS));
        }

        @Override
        public void save(SettingsValues values) throws ServiceException {
            try {
                file.save(values);
            } catch (IOException e) {
                throw new StorageFailureException("cannot save the settings", e);
            }
            // only what changed, so saving the screen does not overrule a newer change made on another device
            dev.parley.desktop.service.AccountSettingsService account = session.accountSettings();
            if (account.get(dev.parley.desktop.storage.Setting.READ_RECEIPTS) != values.readReceipts()) {
                account.set(dev.parley.desktop.storage.Setting.READ_RECEIPTS, values.readReceipts());
            }
            if (account.get(dev.parley.desktop.storage.Setting.TYPING_INDICATORS) != values.typingIndicators()) {
                account.set(dev.parley.desktop.storage.Setting.TYPING_INDICATORS, values.typingIndicators());
            }
        }

        @Override
        public String relayAddress() throws ServiceException {
            return session.account().status().relay().uri().toString();
        }

        @Override
        public Optional<EmbeddedRelay> embeddedRelay() {
            return embeddedRelayOf(profile);
        }

        @Override
        public void changePassphrase(char[] current, char[] next) throws ServiceException {
            session.account().changePassphrase(current, next);
        }

        @Override
        public Path suggestedBackupFile() {
            return Path.of(System.getProperty("user.home")).resolve("parley-" + profile.value() + "-"
                    + java.time.LocalDate.now(session.config().clock()) + ".parley-backup");
        }

        @Override
        public dev.parley.desktop.service.BackupService.Exported exportBackup(Path target, char[] passphrase,
                dev.parley.desktop.profile.BackupProgress progress) throws ServiceException {
            return session.backups().export(target, passphrase, progress);
        }

        @Override
        public Optional<dev.parley.desktop.service.backup.BackupSchedule> backupSchedule() throws ServiceException {
            return session.scheduledBackups().schedule();
        }

        @Override
        public Optional<char[]> setBackupSchedule(Path folder,
                dev.parley.desktop.service.backup.BackupSchedule.Interval interval, int keep) throws ServiceException {
            return session.scheduledBackups().set(folder, interval, keep);
        }

        @Override
        public void clearBackupSchedule() throws ServiceException {
            session.scheduledBackups().clear();
        }
    }
}
