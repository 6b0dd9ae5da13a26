package dev.parley.desktop.service.settings;

import dev.parley.crypto.payload.SettingsSync;
import dev.parley.desktop.service.AccountSettingsService;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.OwnDeviceSync;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.time.Clock;
import java.util.List;

/** The settings store, with the settings that follow the account sent to its other devices ({@link SyncedSettings}). */
public final class DefaultAccountSettings implements AccountSettingsService {
    private final Storage storage;
    private final Clock clock;
    private final OwnDeviceSync ownDevices;

    public DefaultAccountSettings(Storage storage, Clock clock, OwnDeviceSync ownDevices) {
        this.storage = storage;
        this.clock = clock;
        this.ownDevices = ownDevices;
    }

    @Override
    public <T> T get(Setting<T> setting) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true, txn -> storage.settings().get(txn, setting));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read settings", e);
        }
    }

    @Override
    public <T> void set(Setting<T> setting, T value) throws ServiceException {
        try {
            setting.encode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("this value is out of range for the setting");
        }
        boolean follows = SyncedSettings.known(setting.key()).isPresent();
        SettingsSync.Entry[] entry = new SettingsSync.Entry[1];
        try {
            storage.transactions().transaction(false, txn -> {
                if (follows) {
                    entry[0] = SyncedSettings.changedHere(txn, storage, setting, value, clock.millis());
                } else {
                    storage.settings().set(txn, setting, value);
                }
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot save settings", e);
        }
        if (entry[0] != null) {
            ownDevices.send(new SettingsSync(List.of(entry[0])));
        }
    }
}
