package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupTransitions;
import dev.parley.crypto.group.SenderKeyDistribution;
import dev.parley.crypto.group.SenderKeyMessage;
import dev.parley.crypto.group.SenderKeyRecord;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.desktop.event.GroupJoinRequestedEvent;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.GroupJoinRequest;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import java.util.List;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of groups, inside the batch transaction (docs/protocol.md 1.15): changes, sender keys and group
 * messages. Everything unacceptable is dropped with a log line (never the payload's content) and costs nothing else:
 * a change signed by a non-admin or by someone other than its sender, a skipped or repeated revision, a sender key or
 * message from someone who is not (or no longer) a member, a message that does not verify or is replayed.
 */
public final class GroupReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(GroupReceiver.class);

    private final Storage storage;
    private final CryptoProvider crypto;
    private final GroupCipher cipher;
    private final Supplier<String> ownUsername;
    private final GroupKeys keys;
    private final PendingGroupMessages pending;
    private final GroupLedger ledger;
    private final GroupResync resync;
    private final Supplier<byte[]> ownIdentityKey;

    public GroupReceiver(Storage storage, CryptoProvider crypto, RandomSource random, Supplier<String> ownUsername) {
        this(storage, crypto, random, ownUsername, () -> null);
    }

    /**
     * @param ownIdentityKey this account's identity key (issue #17: the key of the changes this account made on its
     *                       other devices); null if not known, and such changes are then dropped
     */
    public GroupReceiver(Storage storage, CryptoProvider crypto, RandomSource random, Supplier<String> ownUsername,
                         Supplier<byte[]> ownIdentityKey) {
        this.ownIdentityKey = ownIdentityKey;
        this.storage = storage;
        this.crypto = crypto;
        this.cipher = new GroupCipher(crypto, random);
        this.ownUsername = ownUsername;
        this.keys = new GroupKeys(storage);
        this.pending = new PendingGroupMessages(storage);
        this.ledger = new GroupLedger(storage, keys);
        this.resync = new GroupResync(storage, crypto, ownUsername, ledger);
    }

    /** State resynchronisation (1.15.2): members' requests and admins' answers. */
    public GroupResync resync() {
        return resync;
    }

    /** Applies a change from {@code sender} if the rules accept it. */
    public void change(Transaction txn, String sender, GroupChange change, Instant now) throws StorageException {
        if (!change.author().equals(sender)) {
            LOG.info("dropping a group change whose author is not its sender");
            return;
        }
        // A change this account made on another of its devices (issue #17) is signed with the account's own key.
        byte[] authorKey = sender.equals(ownUsername.get()) ? ownIdentityKey.get()
                : storage.contacts().find(txn, sender).map(Contact::identityKey).orElse(null);
        try {
            if (authorKey == null) {
                throw new dev.parley.crypto.exceptions.InvalidMessageException("no key for the author");
            }
            change.verify(crypto, new IdentityKey(authorKey));
        } catch (ProtocolException | IllegalArgumentException e) {
            LOG.info("dropping a group change whose signature does not verify");
            return;
        }
        Optional<StoredGroup> held = storage.groups().find(txn, change.state().id());
        if (held.isPresent() && !held.get().active()) {
            LOG.info("dropping a change of a group this profile left");
            return;
        }
        byte[] hash = change.hash(crypto);
        Optional<GroupTransitions.Held> local = held.map(g -> new GroupTransitions.Held(g.state(), g.previous(),
                g.changeHash()));
        GroupTransitions.Verdict verdict = GroupTransitions.decide(local, change, hash, ownUsername.get());
        if (verdict == GroupTransitions.Verdict.DROP) {
            LOG.info("dropping a group change: not an allowed next revision from this sender");
            if (held.isPresent() && change.state().revision() > held.get().state().revision()) {
                resync.missed(txn, held.get(), sender, now);
            }
            return;
        }
        ledger.record(txn, held, change, hash, verdict, ownUsername.get(), now, false);
    }

    /**
     * Keeps a member's sender key. One from someone who is not a member of an active group as held here is kept apart
     * (this profile may have missed the change that added them) and resynchronisation is asked for; any other is
     * dropped.
     */
    public void senderKey(Transaction txn, String sender, int senderDevice, SenderKeyDistribution distribution,
                          Instant now) throws StorageException {
        String device = new dev.parley.desktop.crypto.DeviceAddress(sender, senderDevice).value();
        Optional<StoredGroup> group = storage.groups().find(txn, distribution.groupId());
        if (group.isPresent() && group.get().active() && !group.get().state().isMember(sender)
                && !sender.equals(ownUsername.get())) {
            if (resync.removedMemberWrote(txn, group.get(), sender, now)) {
                LOG.info("dropping a sender key from someone removed from the group");
                return;
            }
            LOG.info("keeping apart a sender key from someone who is not a member of the group as held here");
            if (keys.keepPending(txn, distribution, device)) {
                resync.missed(txn, group.get(), null, now);
            }
            return;
        }
        if (group.isEmpty() || !group.get().active() || sender.equals(ownUsername.get())) {
            LOG.info("dropping a sender key from someone who is not a member of the group");
            return;
        }
        SenderKeyRecord record = keys.record(txn, distribution.groupId(), device);
        if (record.byKeyId(distribution.keyId()).isPresent()) {
            LOG.debug("ignoring a sender key already held");
            return;
        }
        keys.save(txn, distribution.groupId(), device,
                record.withNewest(SenderKeyState.fromDistribution(distribution)));
    }

    /**
     * Issue #17: a group as another device of this account holds it (GROUP_SYNC, sent to a new device at link time;
     * the caller checked that it came from an own device). Kept when this device does not hold the group or holds an
     * older revision (with no state before it, as after a resynchronisation); active only if the account is a member.
     * What an older held state had and the synced one lacks is handled as after a resynchronisation: the keys of those
     * gone are forgotten and this device starts a fresh sender key.
     */
    public void synced(Transaction txn, dev.parley.crypto.payload.GroupSync sync) throws StorageException {
        dev.parley.crypto.group.GroupState state = sync.state();
        Optional<StoredGroup> held = storage.groups().find(txn, state.id());
        if (held.isPresent() && held.get().state().revision() >= state.revision()) {
            LOG.debug("ignoring a group sync not newer than the group held here");
            return;
        }
        String me = ownUsername.get();
        boolean active = sync.active() && state.isMember(me);
        storage.groups().put(txn, new StoredGroup(state, null, sync.changeHash(), active));
        ConversationId conversation = storage.conversations().group(txn, ConversationId.group(state.id())).id();
        storage.disappearing().setTimer(txn, conversation,
                dev.parley.desktop.storage.DisappearingTimer.ofSeconds(state.timerSeconds())
                        .orElse(dev.parley.desktop.storage.DisappearingTimer.OFF));
        if (!active) {
            keys.forgetAll(txn, state.id());
            storage.groups().clearKeyHolders(txn, state.id());
        } else if (held.isPresent()) {
            java.util.Set<String> gone = new java.util.HashSet<>(held.get().state().usernames());
            gone.removeAll(state.usernames());
            if (!gone.isEmpty()) {
                for (String member : gone) {
                    keys.forget(txn, state.id(), member);
                }
                keys.forget(txn, state.id(), me);
                storage.groups().clearKeyHolders(txn, state.id());
            }
        }
    }

    /**
     * Issue #17: a member's sender key as another device of this account holds it (SENDER_KEY_SYNC, sent to a new
     * device at link time; the caller checked that it came from an own device): kept for that member's device if the
     * group is held here and active, the sender is a member of it and not this account, and the key is not held yet
     * (a held key is never rewound).
     */
    public void syncedSenderKey(Transaction txn, dev.parley.crypto.payload.SenderKeySync sync) throws StorageException {
        SenderKeyDistribution distribution = sync.distribution();
        Optional<StoredGroup> group = storage.groups().find(txn, distribution.groupId());
        if (group.isEmpty() || !group.get().active() || !group.get().state().isMember(sync.sender())
                || sync.sender().equals(ownUsername.get())) {
            LOG.info("dropping a synced sender key for a group or member not held here");
            return;
        }
        String device = new dev.parley.desktop.crypto.DeviceAddress(sync.sender(), sync.senderDevice()).value();
        SenderKeyRecord record = keys.record(txn, distribution.groupId(), device);
        if (record.byKeyId(distribution.keyId()).isEmpty()) {
            keys.save(txn, distribution.groupId(), device, record.withNewest(SenderKeyState.fromDistribution(distribution)));
        }
    }

    /** A decrypted group message with the conversation it belongs to. */
    public record Opened(ConversationId conversation, Payload payload) {
    }

    /**
     * Verifies and decrypts a member's group message; empty (dropped) if it is not acceptable. One from someone this
     * profile does not know as a member of an active group makes it ask for resynchronisation.
     */
    public Optional<Opened> open(Transaction txn, String sender, int senderDevice, SenderKeyMessage message,
                                 Instant now) throws StorageException {
        GroupMessageRun run = run(txn, now);
        Optional<Opened> opened = run.open(sender, senderDevice, message);
        run.finish();
        return opened;
    }

    /** For consecutive group messages of one batch: see {@link GroupMessageRun}. */
    public GroupMessageRun run(Transaction txn, Instant now) {
        return new GroupMessageRun(txn, storage, keys, cipher, resync, ownUsername, now, pending);
    }

    /** A group message that waited for its sender key (issue #17), now opened. */
    public record Released(String sender, int senderDevice, Opened opened) {
    }

    /**
     * Issue #17: after a sender key for {@code group} arrived, opens the group messages that waited for one
     * ({@link PendingGroupMessages}), in arrival order: those that open are returned and forgotten, as are those that
     * are now refused for another reason; those whose key is still missing keep waiting.
     */
    public List<Released> releasePending(Transaction txn, GroupId group, Instant now) throws StorageException {
        List<PendingGroupMessages.Pending> waiting = pending.of(txn, group, now);
        if (waiting.isEmpty()) {
            return List.of();
        }
        GroupMessageRun run = new GroupMessageRun(txn, storage, keys, cipher, resync, ownUsername, now, null);
        List<Released> released = new java.util.ArrayList<>();
        for (PendingGroupMessages.Pending p : waiting) {
            GroupMessageRun.Attempt attempt = run.attempt(p.sender(), p.senderDevice(), p.message());
            if (attempt.keyMissing()) {
                continue;
            }
            pending.forget(txn, p.entry());
            attempt.opened().ifPresent(o -> released.add(new Released(p.sender(), p.senderDevice(), o)));
        }
        run.finish();
        return released;
    }

    /**
     * Keeps a join request made with the group's invite link (docs/protocol.md 1.15.5) if this profile is an active
     * admin of the group, the link is on, the sender is not a member yet and the proof verifies under the current
     * secret; anything else (a wrong secret, a revoked link) is dropped. A kept request leaves a system line and is
     * announced ({@link GroupJoinRequestedEvent}) after the batch commits.
     */
    public void joinRequest(Transaction txn, String sender, Payload.GroupJoinRequest request, Instant now)
            throws StorageException {
        Optional<StoredGroup> group = storage.groups().find(txn, request.group());
        String me = ownUsername.get();
        if (group.isEmpty() || !group.get().active() || !group.get().state().isAdmin(me)) {
            LOG.info("dropping a join request for a group this profile does not administer");
            return;
        }
        dev.parley.crypto.group.GroupState state = group.get().state();
        if (state.isMember(sender)) {
            LOG.info("dropping a join request from a member");
            return;
        }
        if (!dev.parley.crypto.group.GroupInviteLink.verify(crypto, state.id(), state.inviteSecret(), sender,
                request.proof())) {
            LOG.info("dropping a join request: wrong secret or the link is off");
            return;
        }
        if (!storage.groups().addJoinRequest(txn, state.id(), new GroupJoinRequest(sender, now))) {
            return;
        }
        ConversationId conversation = ConversationId.group(state.id());
        MessageId lineId = new MessageId("join-" + state.id().hex().substring(0, 8) + "-" + sender + "-"
                + now.toEpochMilli());
        NewMessage line = new NewMessage(lineId, conversation, Direction.INCOMING, sender, now, now,
                sender + " asked to join with the invite link", MessageState.READ).asSystem();
        for (Message m : storage.messages().insertAllIfAbsent(txn, List.of(line))) {
            txn.attach(new MessageReceivedEvent(m));
        }
        txn.attach(new GroupJoinRequestedEvent(conversation.value()));
    }
}
