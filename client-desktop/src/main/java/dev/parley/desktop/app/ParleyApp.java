package dev.parley.desktop.app;

import dev.parley.desktop.service.AttachmentService;

import dev.parley.desktop.event.AppEvent;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.SynchronousEventBus;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.profile.ProfileManager;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.service.AccountService;
import dev.parley.desktop.service.ConnectionService;
import dev.parley.desktop.service.ContactService;
import dev.parley.desktop.service.ListenFeed;
import dev.parley.desktop.service.MessageActionsService;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.ProfileLockedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.account.AccountKeys;
import dev.parley.desktop.service.account.DefaultAccountService;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root for one profile, shared by the CLI and the desktop UI. Opening it touches nothing; the
 * {@link #account()} service creates or unlocks the profile, and from then on {@link #contacts()},
 * {@link #messaging()} and {@link #connection()} are available until the profile is locked.
 *
 * <pre>{@code
 * try (ParleyApp app = ParleyApp.open(AppConfig.defaults(AppDirectories.fromEnvironment(), new ProfileName("alice")))) {
 *     app.account().unlock(passphrase);
 *     app.events().subscribe(MessageReceivedEvent.class, e -> show(e.message()));
 *     app.connection().start();
 *     app.messaging().send("bob", "hello");
 * }
 * }</pre>
 */
public final class ParleyApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParleyApp.class);

    private final AppConfig config;
    private final EventBus events;
    private final DefaultAccountService account;
    private final dev.parley.desktop.service.backup.DefaultBackupService backups;
    private volatile ProfileGraph graph;
    /** Set while a passphrase change rebuilds the services of a connected profile. */
    private volatile boolean reconnectOnReopen;

    private ParleyApp(AppConfig config, EventBus events) {
        this.config = config;
        this.events = events;
        EventPublisher publisher = event -> {
            if (event instanceof AppEvent) {
                events.publish((AppEvent) event);
            }
        };
        ProfileManager profiles = new ProfileManager(config.directories(), config.crypto(), config.argon2());
        this.account = new DefaultAccountService(profiles, config.profile(), publisher, new DefaultAccountService.Lifecycle() {
            @Override
            public AccountKeys opened(UnlockedProfile profile) throws ServiceException {
                ProfileGraph built = new ProfileGraph(profile, config, events, backups);
                graph = built;
                if (reconnectOnReopen) {
                    reconnectOnReopen = false;
                    built.connection.start();
                }
                return built.keys;
            }

            @Override
            public void closing(boolean reopening) {
                ProfileGraph current = graph;
                graph = null;
                if (current != null) {
                    reconnectOnReopen = reopening
                            && current.connection.state().get().status() != ConnectionStatus.DISCONNECTED;
                    current.close();
                }
            }
        }, this::gateway, config.connection().preKeyLowWater());
        this.backups = new dev.parley.desktop.service.backup.DefaultBackupService(
                new dev.parley.desktop.profile.ProfileBackups(profiles, config.crypto(), config.argon2(), config.clock()),
                config.profile(), () -> {
                    ProfileGraph current = graph;
                    return current == null ? null : current.profile;
                }, account, config.random());
    }

    /** A locked app for the configured profile, with its own event bus. */
    public static ParleyApp open(AppConfig config) {
        return new ParleyApp(config, new SynchronousEventBus());
    }

    /** A locked app that posts events on {@code events} (the UI passes its FX-thread bus). */
    public static ParleyApp open(AppConfig config, EventBus events) {
        return new ParleyApp(config, events);
    }

    public AppConfig config() {
        return config;
    }

    public EventBus events() {
        return events;
    }

    public AccountService account() {
        return account;
    }

    /** Backups (issue #17): export needs the profile unlocked; restore creates it. */
    public dev.parley.desktop.service.BackupService backups() {
        return backups;
    }

    /** Scheduled backups (issue #17). @throws ProfileLockedException if no profile is unlocked */
    public dev.parley.desktop.service.backup.ScheduledBackups scheduledBackups() throws ProfileLockedException {
        return graph().scheduledBackups;
    }

    /** This account's devices (issue #17). @throws ProfileLockedException if no profile is unlocked */
    public dev.parley.desktop.service.device.DeviceService devices() throws ProfileLockedException {
        return graph().devices;
    }

    /** History transfer to a new device of this account (issue #17). @throws ProfileLockedException if locked */
    public dev.parley.desktop.service.device.HistoryTransfer history() throws ProfileLockedException {
        return graph().history;
    }

    /**
     * Issue #17: creates this (not yet existing) profile as a new device of the account whose other device shows
     * {@code code}, on {@code relay} (the relay that device uses); the profile is then unlocked.
     */
    public dev.parley.desktop.service.device.DeviceJoin.Joined joinAccount(
            dev.parley.desktop.net.RelayAddress relay, String code, String deviceName, char[] passphrase,
            java.time.Duration timeout) throws ServiceException {
        return joinAccount(relay, code, deviceName, passphrase, timeout, link -> { });
    }

    /**
     * Like {@link #joinAccount(dev.parley.desktop.net.RelayAddress, String, String, char[], java.time.Duration)};
     * {@code opened} gets the link to the relay as soon as it is open, so a caller can close it to cancel the join.
     * A join that fails at any step (a wrong code, the relay's refusal, a cancel, a timeout) leaves no profile: one
     * created for it is deleted (and one left by a process killed midway is not listed, and removed at the next
     * creation under its name).
     */
    public dev.parley.desktop.service.device.DeviceJoin.Joined joinAccount(
            dev.parley.desktop.net.RelayAddress relay, String code, String deviceName, char[] passphrase,
            java.time.Duration timeout,
            java.util.function.Consumer<dev.parley.desktop.service.connection.JoiningLink> opened)
            throws ServiceException {
        boolean done = false;
        try (dev.parley.desktop.service.connection.JoiningLink link =
                     dev.parley.desktop.service.connection.JoiningLink.open(config.connector(), relay,
                             config.connection().heartbeat())) {
            opened.accept(link);
            dev.parley.desktop.service.device.DeviceJoin.Joined joined =
                    new dev.parley.desktop.service.device.DeviceJoin(config.crypto(), config.clock()).join(link, code,
                            deviceName, timeout, (username, identity) -> account.createLinked(username, relay,
                                    passphrase, identity));
            account.finishLinked();
            done = true;
            return joined;
        } finally {
            if (!done) {
                account.discardLinked();
            }
        }
    }

    /** @throws ProfileLockedException if no profile is unlocked */
    public ContactService contacts() throws ProfileLockedException {
        return graph().contacts;
    }

    /** @throws ProfileLockedException if no profile is unlocked */
    public MessagingService messaging() throws ProfileLockedException {
        return graph().messaging;
    }

    /** Edit and delete messages. @throws ProfileLockedException if no profile is unlocked */
    public MessageActionsService actions() throws ProfileLockedException {
        return graph().messaging.actions();
    }

    /** @throws ProfileLockedException if no profile is unlocked */
    public ConnectionService connection() throws ProfileLockedException {
        return graph().connection;
    }

    /** @throws ProfileLockedException if no profile is unlocked */
    public AttachmentService attachments() throws ProfileLockedException {
        return graph().attachments;
    }

    /** Mute and archive conversations. @throws ProfileLockedException if no profile is unlocked */
    public dev.parley.desktop.service.ConversationMarksService conversationMarks() throws ProfileLockedException {
        return graph().conversationMarks;
    }

    /** @throws ProfileLockedException if no profile is unlocked */
    public ListenFeed listenFeed() throws ProfileLockedException {
        return graph().listenFeed;
    }

    /** Groups (issue #15). @throws ProfileLockedException if no profile is unlocked */
    public dev.parley.desktop.service.GroupService groups() throws ProfileLockedException {
        return graph().messaging.groups();
    }

    /** Profiles: the own one, contacts', nicknames (issue #14). */
    public dev.parley.desktop.service.ProfileService profiles() throws ProfileLockedException {
        return graph().profiles;
    }

    /** Presence: contacts' online state and last seen, and the own presence setting (issue #14). */
    public dev.parley.desktop.service.PresenceService presence() throws ProfileLockedException {
        return graph().presence;
    }

    /** Settings; those that follow the account reach its other devices (issue #17). */
    public dev.parley.desktop.service.AccountSettingsService accountSettings() throws ProfileLockedException {
        return graph().messaging.accountSettings();
    }

    /** Sends the own presence: for tests in this package that send what a client would not (a flood). */
    dev.parley.desktop.service.messaging.PresenceAnnouncer presenceAnnouncer() throws ProfileLockedException {
        return graph().messaging.presenceAnnouncer();
    }

    /** The unlocked profile's crypto and storage: for tests in this package that check what was (not) stored, e.g. prekeys. */
    dev.parley.desktop.crypto.ProfileCrypto crypto() throws ProfileLockedException {
        return graph().crypto;
    }

    /** The unlocked profile's relay calls; package-private for tests of calls no service makes yet (send_multi). */
    RelayGateway gateway() {
        ProfileGraph current = graph;
        if (current == null) {
            throw new IllegalStateException("profile is locked");
        }
        return current.connection;
    }

    /**
     * Removes now, on the calling thread (never the FX thread), what is left of deleted conversations; the sweeper
     * does the same in the background. For a command-line run that deleted one and is about to lock the profile.
     *
     * @return how many messages were removed
     */
    public int removeDeletedConversations() throws ServiceException {
        return graph().conversationRemoval.removePending(() -> true);
    }

    /** The unlocked profile's storage, for tests in this package that compare two profiles' rows. */
    dev.parley.desktop.storage.Storage storage() throws ProfileLockedException {
        return graph().profile.storage();
    }

    private ProfileGraph graph() throws ProfileLockedException {
        ProfileGraph current = graph;
        if (current == null) {
            throw new ProfileLockedException("the profile is locked");
        }
        return current;
    }

    /** Stops the connection and locks the profile. */
    @Override
    public void close() {
        account.lock();
        LOG.debug("app closed");
    }
}
