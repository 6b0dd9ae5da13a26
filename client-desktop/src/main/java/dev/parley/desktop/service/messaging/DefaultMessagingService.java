package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.MessageActionsService;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.service.messaging.inbound.InboundPipeline;
import dev.parley.desktop.service.messaging.inbound.PayloadHandlers;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Messaging for one unlocked profile, assembled from its parts: sending goes through {@link Outbound} (encrypt,
 * outbox, commit), receiving through {@link InboundPipeline} (open, verify sender, decrypt, dispatch to the
 * {@link PayloadHandlers}), receipts through {@link Receipts}, and the connection reads the outbox through
 * {@link OutboxQueue}. This class keeps the user-facing operations and hands the connection its two ports.
 */
public final class DefaultMessagingService implements MessagingService, InboundHandler, Outbox {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Recipients recipients;
    private final Outbound outbound;
    private final Receipts receipts;
    private final OutboxQueue outbox;
    private final InboundPipeline inbound;
    private final SessionStarter sessions;

    /**
     * Starts a new session with a contact that has none (fetches its bundle from the relay): a contact whose protocol
     * v1 session was reset when a Parley 0.1 profile was upgraded ({@code LegacyProfileUpgrade}).
     */
    @FunctionalInterface
    public interface SessionStarter {
        void start(String contact) throws ServiceException;
    }
    private final DefaultMessageActions actions;
    private final Disappearing disappearing;
    private final ProfileSharing profileSharing;
    private final dev.parley.desktop.service.group.DefaultGroupService groups;
    private final PresenceTracker presenceTracker;
    private final PresenceAnnouncer presenceAnnouncer;
    private final RestoreAnnouncer restoreAnnouncer;
    private final GroupConversations groupConversations;
    private final MessageReads reads;
    private final dev.parley.desktop.service.settings.DefaultAccountSettings accountSettings;
    private final DirectSends sends;
    private final ReadMarks readMarks;
    private final ReactionSender reactions;

    /**
     * @param submitter hands committed outbox items to the connection (sent now if online, else at the next login)
     */
    public DefaultMessagingService(ProfileCrypto crypto, Supplier<String> ownUsername, Consumer<List<Outbox.Item>> submitter,
                                   EventBus events, SenderVerifier verifier, SessionStarter sessions) {
        this.crypto = crypto;
        this.sessions = sessions;
        this.ownUsername = ownUsername;
        this.recipients = new Recipients(crypto.storage());
        this.outbound = new Outbound(crypto, ownUsername, submitter, verifier);
        this.receipts = new Receipts(crypto.storage(), recipients, outbound, new GroupPeers(crypto));
        this.reads = new MessageReads(crypto.storage());
        this.accountSettings = new dev.parley.desktop.service.settings.DefaultAccountSettings(crypto.storage(),
                crypto.context().clock(), ownDevices());
        this.outbox = new OutboxQueue(crypto.storage(), crypto.context().clock(), ownUsername, outbound.fanout());
        this.disappearing = new Disappearing(crypto.storage());
        this.actions = new DefaultMessageActions(crypto, ownUsername, recipients, outbound, disappearing,
                this::groups);
        this.profileSharing = new ProfileSharing(crypto.storage(), recipients, outbound, ownUsername);
        this.groups = new dev.parley.desktop.service.group.DefaultGroupService(crypto, ownUsername, outbound,
                new dev.parley.desktop.service.group.MultiRecipientGroupTransport(outbound), sessions);
        this.presenceTracker = new PresenceTracker(crypto.context().clock(), events);
        this.presenceAnnouncer = new PresenceAnnouncer(crypto.storage(), recipients, outbound);
        this.restoreAnnouncer = new RestoreAnnouncer(crypto, recipients, outbound, sessions);
        this.groupConversations = new GroupConversations(crypto.storage(), crypto.context().clock(), ownUsername,
                recipients, receipts, outbound);
        this.inbound = new InboundPipeline(crypto, verifier, new ReplayGuard(crypto),
                PayloadHandlers.standard(crypto.storage(), receipts, new dev.parley.desktop.service.group.GroupReceiver(
                        crypto.storage(), crypto.context().crypto(), crypto.context().random(), ownUsername,
                        () -> crypto.identity().publicKey().bytes()),
                        presenceTracker, () -> crypto.state().invalidateAll()),
                receipts, events);
        this.sends = new DirectSends(crypto, ownUsername, recipients, outbound, disappearing, profileSharing,
                restoreAnnouncer, sessions, this::requestAccepted);
        this.readMarks = new ReadMarks(crypto, receipts, outbound);
        this.reactions = new ReactionSender(crypto, ownUsername, recipients, outbound, groups);
    }

    /** Groups (issue #15), on the same outbound path. */
    public dev.parley.desktop.service.group.DefaultGroupService groups() {
        return groups;
    }

    /** Edits and deletions, on the same outbound path. */
    public MessageActionsService actions() {
        return actions;
    }

    // =========================================================================================== user operations

    @Override
    public Message send(String contactName, String text) throws ServiceException {
        return sends.send(contactName, text);
    }

    /**
     * Sends the pointer to a file already uploaded (docs/protocol.md 1.11): the message, its attachment row (state
     * {@code UPLOADED}) and the outbox entry are committed in one transaction, like a text, with {@code alsoCommit}
     * (the end of the upload's record).
     */
    public Message sendAttachment(String contactName, dev.parley.crypto.payload.AttachmentPointer pointer, String caption,
                                  dev.parley.desktop.storage.TransactionTask<StorageException> alsoCommit)
            throws ServiceException {
        return sends.sendAttachment(contactName, pointer, caption, alsoCommit);
    }

    /** Checks that {@code contactName} can be written to now (before a long upload for it). */
    public void requireSendable(String contactName) throws ServiceException {
        recipients.sendable(contactName);
    }

    /**
     * A message request was accepted (issue #14): the delivery receipts held back while it was one go out now.
     */
    public void requestAccepted(String username) {
        receipts.flush();
        profileSharing.shareIfStale(username);
    }

    /** Contacts' live presence, as received (issue #14). */
    public PresenceTracker presenceTracker() {
        return presenceTracker;
    }

    /** Sends the own presence to contacts (issue #14). */
    public PresenceAnnouncer presenceAnnouncer() {
        return presenceAnnouncer;
    }

    /** Tells contacts once that this profile was restored from a backup (issue #17). */
    public RestoreAnnouncer restoreAnnouncer() {
        return restoreAnnouncer;
    }

    /** Sends the own profile to contacts (issue #14). */
    public ProfileSharing profileSharing() {
        return profileSharing;
    }

    @Override
    public void setTyping(String contactName, boolean typing) throws ServiceException {
        if (!setting(Setting.TYPING_INDICATORS)) {
            return;
        }
        if (GroupConversations.isGroup(contactName)) {
            groupConversations.setTyping(contactName, typing);
            return;
        }
        Contact contact = recipients.find(contactName);
        if (!recipients.mayReceiveAutomatic(contact)) {
            return;
        }
        outbound.ephemeral(contact, typing ? new Payload.TypingStarted() : new Payload.TypingStopped());
    }

    /** Issue #17: tells this account's other devices of a change made here (contact and conversation syncs). */
    public dev.parley.desktop.service.OwnDeviceSync ownDevices() {
        return new OwnDeviceSyncs(outbound);
    }

    /** Issue #17: queues payloads for this account's other devices with work of the caller's (history transfer). */
    public dev.parley.desktop.service.OwnDeviceQueue ownDeviceQueue() {
        return outbound::toOwnDevices;
    }

    /** The outbound path, for tests that send what a modified client would (a forged sync). */
    Outbound outbound() {
        return outbound;
    }

    @Override
    public int markRead(String contactName, MessageCursor upTo) throws ServiceException {
        if (GroupConversations.isGroup(contactName)) {
            return groupConversations.markRead(contactName, upTo, setting(Setting.READ_RECEIPTS));
        }
        return readMarks.markRead(contactName, upTo, setting(Setting.READ_RECEIPTS));
    }

    @Override
    public boolean readReceipts() throws ServiceException {
        return setting(Setting.READ_RECEIPTS);
    }

    @Override
    public void setReadReceipts(boolean enabled) throws ServiceException {
        accountSettings.set(Setting.READ_RECEIPTS, enabled);     // issue #17: follows the account
    }

    /** Issue #17: settings, those that follow the account sent to its other devices. */
    public dev.parley.desktop.service.AccountSettingsService accountSettings() {
        return accountSettings;
    }

    @Override
    public MessagePage history(String contactName, Optional<MessageCursor> before, int limit) throws ServiceException {
        return reads.history(contactName, before, limit);
    }

    @Override
    public List<dev.parley.desktop.storage.ConversationSummary> conversations() throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().messages().conversations(txn));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the conversations", e);
        }
    }

    @Override
    public List<Message> historyAfter(String contactName, MessageCursor after, int limit) throws ServiceException {
        return reads.historyAfter(contactName, after, limit);
    }

    @Override
    public List<Message> search(String query, Optional<String> contactName, int limit) throws ServiceException {
        return reads.search(query, contactName, limit);
    }

    @Override
    public void react(MessageId messageId, String emoji, boolean remove) throws ServiceException {
        reactions.react(messageId, emoji, remove);
    }

    @Override
    public Optional<Message> message(MessageId messageId) throws ServiceException {
        return reads.message(messageId);
    }

    @Override
    public List<dev.parley.desktop.storage.MemberReceipt> memberReceipts(MessageId messageId) throws ServiceException {
        return groupConversations.memberReceipts(messageId);
    }

    @Override
    public Optional<dev.parley.desktop.service.MessageInfo> info(MessageId messageId) throws ServiceException {
        return reads.info(messageId);
    }

    @Override
    public java.util.Map<MessageId, List<Reaction>> reactions(List<MessageId> messageIds) throws ServiceException {
        return reads.reactions(messageIds);
    }

    @Override
    public List<Reaction> reactions(MessageId messageId) throws ServiceException {
        return reads.reactions(messageId);
    }

    // =========================================================================================== the connection's ports

    @Override
    public void onPickupStarted() {
        inbound.onPickupStarted();
    }

    @Override
    public void onQueueDrained() {
        inbound.onQueueDrained();
    }

    @Override
    public Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob) throws StorageFailureException {
        return inbound.onDelivery(relayMessageId, receivedAtMillis, blob);
    }

    @Override
    public List<Outcome> onDeliveries(List<Delivery> batch) throws StorageFailureException {
        return inbound.onDeliveries(batch);
    }

    @Override
    public void onUpcoming(List<Delivery> upcoming) {
        inbound.onUpcoming(upcoming);
    }

    @Override
    public void onEphemeral(byte[] blob) {
        inbound.onEphemeral(blob);
    }

    @Override
    public List<Outbox.Item> pending() throws StorageFailureException {
        return outbox.pending();
    }

    @Override
    public void accepted(Outbox.Item item) throws StorageFailureException {
        outbox.accepted(item);
    }

    @Override
    public void acceptedAll(java.util.List<Outbox.Item> items) throws StorageFailureException {
        outbox.acceptedAll(items);
    }

    @Override
    public void acceptedCopies(List<Outbox.Item> copies) throws StorageFailureException {
        outbox.acceptedCopies(copies);
    }

    @Override
    public void rejected(Outbox.Item item, String reason) throws StorageFailureException {
        outbox.rejected(item, reason);
    }

    @Override
    public List<Outbox.Item> devicesChanged(String account, byte[] clientMessageId, List<Integer> devices,
                                            BundleSource bundles) throws StorageFailureException {
        return outbox.devicesChanged(account, clientMessageId, devices, bundles);
    }

    // =========================================================================================== helpers

    private <T> T setting(Setting<T> setting) throws StorageFailureException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().settings().get(txn, setting));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read settings", e);
        }
    }

    private static void checkLimit(int limit) throws InvalidInputException {
        if (limit < 1 || limit > MessageStore.MAX_LIMIT) {
            throw new InvalidInputException("limit must be 1 to " + MessageStore.MAX_LIMIT);
        }
    }

    private Storage storage() {
        return crypto.storage();
    }

    /**
     * Runs the envelopes held for {@code sender} through the normal receive path (after the user accepted their new
     * key) and deletes them.
     *
     * @return how many were held
     */
    public int releaseHeld(String sender) throws StorageFailureException {
        int released = inbound.releaseHeld(sender);
        crypto.state().invalidateContact(sender);
        return released;
    }
}
