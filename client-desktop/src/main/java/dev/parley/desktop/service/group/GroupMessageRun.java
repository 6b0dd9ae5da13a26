package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.SenderKeyMessage;
import dev.parley.crypto.group.SenderKeyRecord;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consecutive group messages of one batch opened in arrival order, inside its transaction: each group is read once and
 * each sender's key record is read once, advanced in memory message by message, and written once by {@link #finish}
 * (as a pairwise session is written once per batch), instead of a read and a write of the record per message.
 * Nothing else may touch groups or sender keys between the first {@link #open} and {@link #finish}.
 */
public final class GroupMessageRun {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMessageRun.class);

    private record SenderOf(GroupId group, String sender) {
    }

    private final Transaction txn;
    private final Storage storage;
    private final GroupKeys keys;
    private final GroupCipher cipher;
    private final GroupResync resync;
    private final Supplier<String> ownUsername;
    private final Instant now;
    private final Map<GroupId, Optional<StoredGroup>> groups = new HashMap<>();
    private final Map<SenderOf, SenderKeyRecord> records = new HashMap<>();
    private final Map<SenderOf, SenderKeyRecord> advanced = new LinkedHashMap<>();
    /** Where a message nobody here can read yet waits (issue #17); null while opening those (nothing kept again). */
    private final PendingGroupMessages pending;

    GroupMessageRun(Transaction txn, Storage storage, GroupKeys keys, GroupCipher cipher, GroupResync resync,
            Supplier<String> ownUsername, Instant now, PendingGroupMessages pending) {
        this.pending = pending;
        this.txn = txn;
        this.storage = storage;
        this.keys = keys;
        this.cipher = cipher;
        this.resync = resync;
        this.ownUsername = ownUsername;
        this.now = now;
    }

    /**
     * Verifies and decrypts a member's group message; empty (dropped) if it is not acceptable. One from someone recorded
     * as removed tells them so (if this profile is an admin); one from anyone else this profile does not know as a
     * member of an active group makes it ask for resynchronisation. One for a group not held here, or from a member
     * whose sender key (for that key id) is not held here, waits for the key ({@link PendingGroupMessages}, issue #17).
     */
    public Optional<GroupReceiver.Opened> open(String sender, int senderDevice, SenderKeyMessage message)
            throws StorageException {
        Attempt attempt = attempt(sender, senderDevice, message);
        if (attempt.keyMissing() && pending != null) {
            pending.keep(txn, sender, senderDevice, message, now);
        }
        return attempt.opened();
    }

    /** What opening a message gave: its payload, or whether what was missing is the group or the sender's key. */
    record Attempt(Optional<GroupReceiver.Opened> opened, boolean keyMissing) {
        static final Attempt DROPPED = new Attempt(Optional.empty(), false);
        static final Attempt NO_KEY = new Attempt(Optional.empty(), true);
    }

    Attempt attempt(String sender, int senderDevice, SenderKeyMessage message) throws StorageException {
        Optional<StoredGroup> group = groups.get(message.groupId());
        if (group == null) {
            group = storage.groups().find(txn, message.groupId());
            groups.put(message.groupId(), group);
        }
        if (group.isEmpty() && !sender.equals(ownUsername.get())) {
            return Attempt.NO_KEY;      // a device just linked may get a member's message before the group (issue #17)
        }
        if (group.isEmpty() || !group.get().active() || !group.get().state().isMember(sender)) {
            LOG.info("dropping a group message from someone who is not a member of the group");
            if (group.isPresent() && !sender.equals(ownUsername.get())
                    && !resync.removedMemberWrote(txn, group.get(), sender, now)) {
                resync.missed(txn, group.get(), null, now);
            }
            return Attempt.DROPPED;
        }
        SenderOf key = senderOf(message, new dev.parley.desktop.crypto.DeviceAddress(sender, senderDevice));
        SenderKeyRecord record = records.get(key);
        if (record == null) {
            record = keys.record(txn, message.groupId(), key.sender());
        }
        GroupCipher.Decrypted decrypted;
        try {
            decrypted = cipher.decrypt(record, message);
        } catch (dev.parley.crypto.exceptions.NoSessionException e) {
            return Attempt.NO_KEY;
        } catch (ProtocolException e) {
            LOG.info("dropping a group message: {}", e.getClass().getSimpleName());
            return Attempt.DROPPED;
        }
        records.put(key, decrypted.next());
        advanced.put(key, decrypted.next());
        Payload payload = decrypted.payload();
        if (group.get().state().announcementsOnly() && !group.get().state().isAdmin(sender)
                && (payload instanceof Payload.Text || payload instanceof Payload.Edit
                        || payload instanceof Payload.Attachment)) {
            LOG.info("dropping a post by a member who is not an admin of an announcement-only group");
            return Attempt.DROPPED;
        }
        return new Attempt(Optional.of(new GroupReceiver.Opened(ConversationId.group(message.groupId()), payload)),
                false);
    }

    /**
     * Whose record opens the message: the sending device's ({@code bob:2}), or, for a key of a device other than 1 that
     * is only in the account's device-1 record, that one: a profile from before sender keys were kept per device kept
     * every device's keys under the bare username (issue #17), and they stay readable there.
     */
    private SenderOf senderOf(SenderKeyMessage message, dev.parley.desktop.crypto.DeviceAddress device)
            throws StorageException {
        SenderOf own = new SenderOf(message.groupId(), device.value());
        if (device.deviceId() == 1) {
            return own;
        }
        SenderKeyRecord record = records.get(own);
        if (record == null) {
            record = keys.record(txn, message.groupId(), own.sender());
            records.put(own, record);
        }
        if (record.byKeyId(message.keyId()).isPresent()) {
            return own;
        }
        SenderOf legacy = new SenderOf(message.groupId(), device.username());
        SenderKeyRecord first = records.get(legacy);
        if (first == null) {
            first = keys.record(txn, message.groupId(), legacy.sender());
            records.put(legacy, first);
        }
        return first.byKeyId(message.keyId()).isPresent() ? legacy : own;
    }

    /** Writes every sender key record the run advanced. */
    public void finish() throws StorageException {
        for (Map.Entry<SenderOf, SenderKeyRecord> e : advanced.entrySet()) {
            keys.save(txn, e.getKey().group(), e.getKey().sender(), e.getValue());
        }
        advanced.clear();
    }
}
