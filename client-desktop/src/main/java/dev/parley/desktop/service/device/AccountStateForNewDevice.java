package dev.parley.desktop.service.device;

import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.DeviceSyncPayloads.ContactSync.Change;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.OwnDeviceSync;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationMarks;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue #17: right after a device is linked, the existing device tells it (as contact and conversation syncs,
 * docs/protocol.md 1.18) the account's accepted contacts with their keys, which of them are verified, the account's
 * groups with the sender keys held for their members' devices ({@code GroupStateForNewDevice}), the blocked list and
 * the conversations' mute and archive marks and the settings that follow the account, so the new device starts with them instead of treating each contact as a
 * stranger whose first message is a request. Messages (history) are not carried.
 */
final class AccountStateForNewDevice {
    private AccountStateForNewDevice() {
    }

    /** Queues the syncs on {@code ownDevices}; returns how many. */
    static int send(ProfileCrypto crypto, OwnDeviceSync ownDevices) throws StorageFailureException {
        List<Payload> syncs = new ArrayList<>();
        try {
            crypto.storage().transactions().transaction(true, txn -> {
                for (Contact contact : crypto.storage().contacts().list(txn)) {
                    if (contact.identityChange() != IdentityChangeState.NONE
                            || contact.identityKey().length != IdentityKey.BYTES) {
                        continue;
                    }
                    syncs.add(new Payload.ContactSync(Change.ADDED, contact.username(), contact.identityKey()));
                    if (contact.verified()) {
                        syncs.add(new Payload.ContactSync(Change.VERIFIED, contact.username(), contact.identityKey()));
                    }
                }
                String me = crypto.storage().account().get(txn).map(dev.parley.desktop.storage.AccountInfo::username)
                        .orElse("");
                syncs.addAll(dev.parley.desktop.service.group.GroupStateForNewDevice.payloads(txn, crypto.storage(),
                        me));
                for (String blocked : crypto.storage().blocked().list(txn)) {
                    syncs.add(new Payload.ContactSync(Change.BLOCKED, blocked, null));
                }
                for (Map.Entry<ConversationId, ConversationMarks> marked
                        : crypto.storage().conversationMarks().marked(txn).entrySet()) {
                    ConversationId id = marked.getKey();
                    ConversationMarks marks = marked.getValue();
                    syncs.add(id.isGroup()
                            ? new Payload.ConversationSync(null, GroupId.fromHex(id.value().substring(
                                    ConversationId.GROUP_PREFIX.length())), marks.muted(), marks.archived())
                            : new Payload.ConversationSync(id.value(), null, marks.muted(), marks.archived()));
                }
                syncs.add(dev.parley.desktop.service.settings.SyncedSettings.snapshot(txn, crypto.storage()));
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the contacts for the new device", e);
        }
        syncs.forEach(ownDevices::send);
        return syncs.size();
    }
}
