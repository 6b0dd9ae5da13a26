package dev.parley.desktop.app;

import dev.parley.desktop.service.attachment.DefaultAttachmentService;

import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.profile.UnlockedProfile;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.account.AccountKeys;
import dev.parley.desktop.service.account.LegacyProfileUpgrade;
import dev.parley.desktop.service.connection.RelayConnectionService;
import dev.parley.desktop.service.connection.RelayPinning;
import dev.parley.desktop.service.contact.DefaultContactService;
import dev.parley.desktop.service.feed.StoredListenFeed;
import dev.parley.desktop.service.messaging.DefaultMessagingService;
import dev.parley.desktop.service.messaging.DisappearingSweeper;
import java.time.Duration;
import dev.parley.desktop.service.messaging.SenderVerifier;

/** The services of one unlocked profile, wired together. Built on unlock, closed on lock. */
final class ProfileGraph implements AutoCloseable {
    final ProfileCrypto crypto;
    final AccountKeys keys;
    final DefaultContactService contacts;
    final DefaultMessagingService messaging;
    final dev.parley.desktop.service.device.DeviceService devices;
    final dev.parley.desktop.service.device.HistoryTransfer history;
    final RelayConnectionService connection;
    final StoredListenFeed listenFeed;
    private final DisappearingSweeper sweeper;
    final dev.parley.desktop.service.messaging.DeletedConversationRemoval conversationRemoval;
    final dev.parley.desktop.service.backup.ScheduledBackups scheduledBackups;
    private final dev.parley.desktop.service.backup.ScheduledBackupRunner scheduledBackupRunner;
    private final dev.parley.desktop.service.group.JoinApprover joinApprover;
    private final dev.parley.desktop.service.group.GroupResyncWorker groupResync;
    private final dev.parley.desktop.service.attachment.AttachmentFiles attachmentFiles;
    private final java.util.List<EventBus.Subscription> subscriptions = new java.util.ArrayList<>();
    final DefaultAttachmentService attachments;
    final dev.parley.desktop.service.profile.DefaultProfileService profiles;
    final dev.parley.desktop.service.presence.DefaultPresenceService presence;
    final dev.parley.desktop.service.messaging.DefaultConversationMarks conversationMarks;
    private final String username;
    private final SenderVerifier verifier;
    final UnlockedProfile profile;

    ProfileGraph(UnlockedProfile profile, AppConfig config, EventBus events,
                 dev.parley.desktop.service.backup.DefaultBackupService backups) throws ServiceException {
        this.profile = profile;
        ProtocolContext context = new ProtocolContext(config.crypto(), config.random(), config.clock(), RatchetLimits.DEFAULT);
        this.crypto = new ProfileCrypto(profile.storage(), context);
        LegacyProfileUpgrade.run(crypto);
        RelayConnectionService[] holder = new RelayConnectionService[1];
        DefaultMessagingService[] messagingHolder = new DefaultMessagingService[1];
        RelayPinning pinning = new RelayPinning(profile.storage(), config.crypto().ed25519(), config.clock());
        this.keys = new AccountKeys(crypto, () -> holder[0], pinning, config.preKeyStock());
        this.username = keys.account().username();
        keys.regenerateAfterRestore();
        this.contacts = new DefaultContactService(crypto, () -> holder[0], () -> username,
                sender -> messagingHolder[0].releaseHeld(sender), accepted -> messagingHolder[0].requestAccepted(accepted),
                payload -> messagingHolder[0].ownDevices().send(payload));
        this.verifier = new SenderVerifier(crypto, pinning);
        this.messaging = new DefaultMessagingService(crypto, () -> username, items -> holder[0].submitAll(items), events,
                verifier, contact -> contacts.add(contact));
        messagingHolder[0] = messaging;
        this.connection = new RelayConnectionService(config.connector(), keys, config.inbound().apply(messaging), messaging,
                new AfterSignIn(keys, messaging.restoreAnnouncer()), config.reconnect(),
                config.clock(), events, config.connection(), pinning);
        holder[0] = connection;
        this.devices = new dev.parley.desktop.service.device.DeviceService(crypto, () -> holder[0], () -> username,
                messaging.ownDevices(), deviceId -> messaging.groups().unlinkNotices().send(deviceId));
        this.history = new dev.parley.desktop.service.device.HistoryTransfer(crypto, messaging.ownDeviceQueue(),
                () -> username);
        connection.onDeviceUnlinked(() -> dev.parley.desktop.service.device.DeviceWipe.wipe(crypto,
                profile.directory().resolve("attachments")));
        this.listenFeed = new StoredListenFeed(profile.storage());
        this.attachments = new DefaultAttachmentService(crypto, () -> holder[0], messaging,
                profile.directory().resolve("attachments"), () -> username);
        this.profiles = new dev.parley.desktop.service.profile.DefaultProfileService(crypto, () -> username,
                messaging.profileSharing());
        this.presence = new dev.parley.desktop.service.presence.DefaultPresenceService(profile.storage(),
                messaging.presenceTracker(), messaging.presenceAnnouncer(), connection.state(), config.clock(),
                config.connection().presencePacing(),
                waves -> connection.sayOnClose(waves, config.connection().presencePacing().interval()),
                messaging.accountSettings());
        subscriptions.add(events.subscribe(dev.parley.desktop.event.AccountSettingsChangedEvent.class, e -> {
            if (e.keys().contains(dev.parley.desktop.storage.Setting.PRESENCE.key())) {
                presence.visibilityChangedElsewhere();
            }
        }));
        this.conversationMarks = new dev.parley.desktop.service.messaging.DefaultConversationMarks(profile.storage(),
                messaging.ownDevices());
        this.scheduledBackups = new dev.parley.desktop.service.backup.ScheduledBackups(backups, profile.storage(),
                config.profile().value(), config.clock(), config.random());
        this.scheduledBackupRunner = new dev.parley.desktop.service.backup.ScheduledBackupRunner(scheduledBackups,
                Duration.ofSeconds(30), Duration.ofMinutes(1));
        this.attachmentFiles = new dev.parley.desktop.service.attachment.AttachmentFiles(profile.storage(),
                profile.directory().resolve("attachments"));
        subscriptions.add(events.subscribe(dev.parley.desktop.event.MessageChangedEvent.class, e -> {
            if (e.change() != dev.parley.desktop.event.MessageChangedEvent.Change.EDITED) {
                attachmentFiles.sweepSoon();
            }
        }));
        subscriptions.add(events.subscribe(dev.parley.desktop.event.MessagesRemovedEvent.class,
                e -> attachmentFiles.sweepSoon()));
        subscriptions.add(events.subscribe(dev.parley.desktop.event.ContactChangedEvent.class, e -> {
            if (e.change() == dev.parley.desktop.event.ContactChangedEvent.Change.REMOVED) {
                attachmentFiles.sweepSoon();
            }
        }));
        attachmentFiles.sweepSoon();
        this.conversationRemoval = new dev.parley.desktop.service.messaging.DeletedConversationRemoval(
                profile.storage());
        this.sweeper = new DisappearingSweeper(messaging.actions(), conversationRemoval, attachmentFiles::sweepSoon,
                Duration.ofSeconds(1));
        this.joinApprover = new dev.parley.desktop.service.group.JoinApprover(events, messaging.groups());
        this.groupResync = new dev.parley.desktop.service.group.GroupResyncWorker(events, messaging.groups().resync());
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        joinApprover.close();
        groupResync.close();
        attachmentFiles.close();
        sweeper.close();
        scheduledBackupRunner.close();
        presence.close();
        connection.close();
        verifier.forgetSecrets();
        crypto.close();
    }
}
