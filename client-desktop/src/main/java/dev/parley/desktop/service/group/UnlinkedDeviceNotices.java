package dev.parley.desktop.service.group;

import dev.parley.crypto.payload.DeviceUnlinked;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Issue #17, re-keying groups when a device is unlinked (docs/protocol.md 1.18): after this device unlinked one of the
 * account's devices, it tells every fellow member of the account's groups (DEVICE_UNLINKED, pairwise, queued durably
 * like any message), so each starts a fresh sender key that the unlinked device never receives.
 */
public final class UnlinkedDeviceNotices {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Outbound outbound;
    private final GroupMembers members;

    UnlinkedDeviceNotices(ProfileCrypto crypto, Supplier<String> ownUsername, Outbound outbound, GroupMembers members) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.outbound = outbound;
        this.members = members;
    }

    /** Queues the notice of {@code deviceId} for the fellow members; returns how many were told. */
    public int send(int deviceId) throws ServiceException {
        String me = ownUsername.get();
        Set<String> fellows = new TreeSet<>();
        try {
            crypto.storage().transactions().transaction(true, txn -> {
                for (StoredGroup group : crypto.storage().groups().list(txn)) {
                    if (group.active()) {
                        fellows.addAll(group.state().usernames());
                    }
                }
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the groups", e);
        }
        fellows.remove(me);
        if (fellows.isEmpty()) {
            return 0;
        }
        List<Outbound.Outgoing> outgoing = new ArrayList<>();
        for (Contact member : members.sendable(fellows)) {
            outgoing.add(new Outbound.Outgoing(member, new DeviceUnlinked(deviceId), outbound.newOutboxId()));
        }
        outbound.storedAll(outgoing, txn -> null);
        return outgoing.size();
    }
}
