package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.SenderKeyDistribution;
import dev.parley.crypto.group.SenderKeyRecord;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Sender keys (docs/protocol.md 1.15.1) per (group, sender device), sealed in the secret store like session records;
 * and the keys of people this profile does not know as members yet (it may have missed the change that added them),
 * kept apart until a resynchronisation shows them to be members (1.15.2).
 *
 * <p>Issue #17: each device of a member has its own sending chain, so a received key is kept under the sender's
 * {@link DeviceAddress} ({@code bob} for device 1, {@code bob:2} for device 2): the names under which a profile from
 * before linked devices kept its keys are device 1's, so they need no migration. This profile's own sending key is
 * kept under its bare username. Forgetting a member forgets the keys of all its devices.
 */
final class GroupKeys {
    static final SecretNamespace NAMESPACE = new SecretNamespace("group-sender-key");
    static final SecretNamespace PENDING = new SecretNamespace("group-pending-sender-key");
    /** Most senders whose keys wait per group: a stranger cannot fill the profile with them. */
    static final int MAX_PENDING_SENDERS = 50;

    private final Storage storage;

    GroupKeys(Storage storage) {
        this.storage = storage;
    }

    private static String key(GroupId group, String sender) {
        return group.hex() + "/" + sender;
    }

    /** @param sender a sender device's address ({@link DeviceAddress#value()}), or this profile's own username */
    SenderKeyRecord record(Transaction txn, GroupId group, String sender) throws StorageException {
        Optional<byte[]> stored = storage.secrets().get(txn, NAMESPACE, key(group, sender));
        if (stored.isEmpty()) {
            return SenderKeyRecord.empty();
        }
        try {
            return SenderKeyRecord.deserialize(stored.get());
        } catch (InvalidMessageException e) {
            throw new StorageException("a stored sender key does not decode");
        }
    }

    void save(Transaction txn, GroupId group, String sender, SenderKeyRecord record) throws StorageException {
        storage.secrets().put(txn, NAMESPACE, key(group, sender), record.serialize());
    }

    /** Forgets the keys of every device of {@code member} (or this profile's own sending key, for its username). */
    void forget(Transaction txn, GroupId group, String member) throws StorageException {
        storage.secrets().delete(txn, NAMESPACE, key(group, member));
        String devices = key(group, member) + ":";
        for (String key : storage.secrets().keys(txn, NAMESPACE)) {
            if (key.startsWith(devices)) {
                storage.secrets().delete(txn, NAMESPACE, key);
            }
        }
    }

    /** Forgets this profile's own sending key: its next message to the group starts a fresh one (issue #17). */
    boolean forgetOwn(Transaction txn, GroupId group, String me) throws StorageException {
        return storage.secrets().delete(txn, NAMESPACE, key(group, me));
    }

    void forgetAll(Transaction txn, GroupId group) throws StorageException {
        String prefix = group.hex() + "/";
        for (SecretNamespace namespace : new SecretNamespace[] {NAMESPACE, PENDING}) {
            for (String key : storage.secrets().keys(txn, namespace)) {
                if (key.startsWith(prefix)) {
                    storage.secrets().delete(txn, namespace, key);
                }
            }
        }
    }

    /** Keeps the sender key of someone who is not a member of the group as held here (yet); false if not kept. */
    boolean keepPending(Transaction txn, SenderKeyDistribution distribution, String sender) throws StorageException {
        GroupId group = distribution.groupId();
        String prefix = group.hex() + "/";
        Optional<byte[]> stored = storage.secrets().get(txn, PENDING, key(group, sender));
        if (stored.isEmpty() && storage.secrets().keys(txn, PENDING).stream().filter(k -> k.startsWith(prefix))
                .count() >= MAX_PENDING_SENDERS) {
            return false;
        }
        SenderKeyRecord record = stored.isEmpty() ? SenderKeyRecord.empty() : decode(stored.get());
        if (record.byKeyId(distribution.keyId()).isEmpty()) {
            storage.secrets().put(txn, PENDING, key(group, sender),
                    record.withNewest(SenderKeyState.fromDistribution(distribution)).serialize());
        }
        return true;
    }

    /**
     * The waiting keys of those who are members of {@code state} become their sender keys (oldest first, never
     * rewinding a key already held); with {@code forgetOthers} (after a resynchronisation, when the state is the
     * current one) the others are forgotten, else they keep waiting.
     */
    void promotePending(Transaction txn, GroupState state, String me, boolean forgetOthers) throws StorageException {
        String prefix = state.id().hex() + "/";
        for (String key : storage.secrets().keys(txn, PENDING)) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String sender = key.substring(prefix.length());
            String account = DeviceAddress.accountOf(sender);
            boolean member = state.isMember(account) && !account.equals(me);
            if (!member && !forgetOthers) {
                continue;
            }
            Optional<byte[]> stored = storage.secrets().get(txn, PENDING, key);
            storage.secrets().delete(txn, PENDING, key);
            if (stored.isEmpty() || !member) {
                continue;
            }
            List<SenderKeyState> waiting = new ArrayList<>(decode(stored.get()).states());
            Collections.reverse(waiting);
            SenderKeyRecord record = record(txn, state.id(), sender);
            for (SenderKeyState pending : waiting) {
                if (record.byKeyId(pending.keyId()).isEmpty()) {
                    record = record.withNewest(pending);
                }
            }
            save(txn, state.id(), sender, record);
        }
    }

    private static SenderKeyRecord decode(byte[] stored) throws StorageException {
        try {
            return SenderKeyRecord.deserialize(stored);
        } catch (InvalidMessageException e) {
            throw new StorageException("a stored sender key does not decode");
        }
    }
}
