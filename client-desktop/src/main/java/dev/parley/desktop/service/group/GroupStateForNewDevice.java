package dev.parley.desktop.service.group;

import dev.parley.crypto.group.SenderKeyRecord;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.payload.GroupSync;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.SenderKeySync;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue #17: the account's groups for a device just linked (docs/protocol.md 1.18, "The account's state for a new
 * device"): a GROUP_SYNC per group this device holds (its state, change hash and whether the account is still in it),
 * then, for each active group, a SENDER_KEY_SYNC per sender key held here for another member's device, oldest state
 * first, at the iteration it has reached. With them the new device holds the groups and reads each member's next group
 * messages (the relay delivers them to every device of the account) before those members learn of the new device.
 * This device's own sending key is not carried: the new device makes its own when it first writes.
 */
public final class GroupStateForNewDevice {
    private GroupStateForNewDevice() {
    }

    /** The payloads, in the order to send them. */
    public static List<Payload> payloads(Transaction txn, Storage storage, String me) throws StorageException {
        GroupKeys keys = new GroupKeys(storage);
        List<Payload> out = new ArrayList<>();
        List<StoredGroup> groups = storage.groups().list(txn);
        for (StoredGroup group : groups) {
            out.add(new GroupSync(group.state(), group.changeHash(), group.active()));
        }
        List<String> stored = storage.secrets().keys(txn, GroupKeys.NAMESPACE).stream().sorted().toList();
        for (StoredGroup group : groups) {
            if (!group.active()) {
                continue;
            }
            String prefix = group.state().id().hex() + "/";
            for (String key : stored) {
                if (!key.startsWith(prefix)) {
                    continue;
                }
                DeviceAddress sender = DeviceAddress.parse(key.substring(prefix.length()));
                if (sender.username().equals(me) || !group.state().isMember(sender.username())) {
                    continue;
                }
                SenderKeyRecord record = keys.record(txn, group.state().id(), sender.value());
                List<SenderKeyState> states = new ArrayList<>(record.states());
                java.util.Collections.reverse(states);
                for (SenderKeyState state : states) {
                    out.add(new SenderKeySync(sender.username(), sender.deviceId(), state.distribution()));
                }
            }
        }
        return out;
    }
}
