package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.DeviceUnlinked;
import dev.parley.desktop.service.group.GroupRekey;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17, DEVICE_UNLINKED (docs/protocol.md 1.18): a contact or fellow group member unlinked one of its devices.
 * The pipeline has already dropped that device from the sender's list and its session ({@link DeviceNotices#gone});
 * here this profile forgets its own sender key in every group it shares with the sender ({@link GroupRekey}), so its
 * next group message there goes under a fresh key the unlinked device never gets. It changes nothing for a sender who
 * shares no group, and is taken from a member who is nobody's contact without making them one.
 */
final class DeviceUnlinkedHandler implements PayloadHandler<DeviceUnlinked> {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceUnlinkedHandler.class);
    private final Storage storage;

    DeviceUnlinkedHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<DeviceUnlinked> type() {
        return DeviceUnlinked.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<DeviceUnlinked>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<DeviceUnlinked> r : received) {
            if (r.inGroup()) {
                continue;
            }
            int rekeyed = GroupRekey.afterDeviceGone(txn, storage, r.sender());
            if (rekeyed > 0) {
                LOG.info("a fellow member unlinked a device: a fresh sender key in {} groups", rekeyed);
            }
        }
    }

    @Override
    public FromStranger fromStranger() {
        return FromStranger.APPLIED_WITHOUT_CONTACT;
    }
}
