package dev.parley.desktop.service.messaging.inbound;

import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.messaging.NewDeviceLine;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Issue #17, for one received batch: the devices of contacts (and of this account) that envelopes came from. A device
 * this profile did not know joins the account's device list (so the next message goes to it too), and a contact's
 * conversation gets the line "bob linked a new device" once per such device.
 */
final class DeviceNotices {
    private final ProfileCrypto crypto;
    private final Set<String> announced = new LinkedHashSet<>();

    DeviceNotices(ProfileCrypto crypto) {
        this.crypto = crypto;
    }

    /**
     * An envelope of {@code account} came from {@code deviceId}.
     *
     * @param contact true for a contact (their conversation gets the line), false for this account's own devices
     */
    void seen(ProtocolUnitOfWork work, String account, int deviceId, boolean contact) {
        List<Integer> known = work.devices().of(account);
        if (known.contains(deviceId)) {
            return;
        }
        List<Integer> next = new ArrayList<>(known);
        next.add(deviceId);
        work.devices().set(account, next);
        if (contact) {
            announced.add(account);
        }
    }

    /**
     * Issue #17: {@code account}'s device {@code senderDevice} says the account unlinked its device {@code deviceId}
     * (DEVICE_UNLINKED): that device leaves the account's list (never the last one, never the sender) and its session
     * is dropped, so nothing more is encrypted to it.
     */
    void gone(ProtocolUnitOfWork work, String account, int deviceId, int senderDevice) {
        if (deviceId == senderDevice) {
            return;
        }
        List<Integer> known = work.devices().of(account);
        if (known.contains(deviceId) && known.size() > 1) {
            List<Integer> next = new ArrayList<>(known);
            next.remove(Integer.valueOf(deviceId));
            work.devices().set(account, next);
        }
        work.deleteSession(new dev.parley.desktop.crypto.DeviceAddress(account, deviceId).session());
    }

    /** Inside the batch's transaction: the lines of the devices learnt. */
    void record(Transaction txn) throws StorageException {
        for (String account : announced) {
            NewDeviceLine.add(crypto, txn, account);
        }
    }
}
