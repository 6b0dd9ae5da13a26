package dev.parley.desktop.service.group;

import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.util.Optional;

/**
 * Issue #17, re-keying groups when a device is unlinked (docs/protocol.md 1.18): a device of a fellow member that is
 * gone held this profile's sender key for every group shared with that member, so this profile forgets its own sending
 * key in each of them. Its next message to such a group starts a fresh key, which goes (pairwise, as after a removal,
 * 1.15.3) to the devices each member has now: the unlinked device never receives it.
 */
public final class GroupRekey {
    private GroupRekey() {
    }

    /**
     * Inside the caller's transaction: {@code account} lost a device.
     *
     * @return in how many groups this profile will start a fresh sender key
     */
    public static int afterDeviceGone(Transaction txn, Storage storage, String account) throws StorageException {
        Optional<String> me = storage.account().get(txn).map(AccountInfo::username);
        if (me.isEmpty() || me.get().equals(account)) {
            return 0;
        }
        GroupKeys keys = new GroupKeys(storage);
        int rekeyed = 0;
        for (StoredGroup group : storage.groups().list(txn)) {
            if (group.active() && group.state().isMember(account) && keys.forgetOwn(txn, group.state().id(), me.get())) {
                rekeyed++;
            }
        }
        return rekeyed;
    }
}
