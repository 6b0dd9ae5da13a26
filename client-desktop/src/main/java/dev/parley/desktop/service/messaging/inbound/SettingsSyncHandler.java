package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.SettingsSync;
import dev.parley.desktop.event.AccountSettingsChangedEvent;
import dev.parley.desktop.service.settings.SyncedSettings;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Settings sync (issue #17, SETTINGS_SYNC, docs/protocol.md 1.18): another device of this account changed settings
 * that follow the account; each is kept if it was changed later than the one held here ({@link SyncedSettings}), and
 * {@link AccountSettingsChangedEvent} is posted for those that changed. Taken only from this account's own devices.
 */
final class SettingsSyncHandler implements PayloadHandler<SettingsSync> {
    private final Storage storage;

    SettingsSyncHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<SettingsSync> type() {
        return SettingsSync.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<SettingsSync>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<SettingsSync> r : received) {
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup()) {
                continue;
            }
            List<String> changed = SyncedSettings.apply(txn, storage, r.payload());
            if (!changed.isEmpty()) {
                txn.attach(new AccountSettingsChangedEvent(changed));
            }
        }
    }
}
