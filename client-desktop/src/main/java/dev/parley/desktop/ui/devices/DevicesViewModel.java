package dev.parley.desktop.ui.devices;

import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.device.DeviceService;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings > Devices (issue #17): the account's devices (name, linked, last active, "this device"), renaming this
 * device, and unlinking one after the user confirmed (the relay refuses the account's only device, which shows as a
 * clear message).
 */
public final class DevicesViewModel {
    private final DevicesGateway devices;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final ObservableList<DeviceService.Device> list = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working", false);

    public DevicesViewModel(DevicesGateway devices, BackgroundTasks tasks, UserMessages messages) {
        this.devices = Objects.requireNonNull(devices);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
    }

    public ObservableList<DeviceService.Device> devices() {
        return list;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** This device, once the list is loaded. */
    public Optional<DeviceService.Device> thisDevice() {
        return list.stream().filter(DeviceService.Device::thisDevice).findFirst();
    }

    /** Reads the list from the relay. */
    public void load() {
        working.set(true);
        tasks.run(devices::list, loaded -> {
            working.set(false);
            list.setAll(loaded);
        }, this::fail);
    }

    /** Renames this device; a blank or too long name is refused here, before any request. */
    public void rename(String name) {
        String clean;
        try {
            clean = DeviceService.checkedName(name);
        } catch (InvalidInputException e) {
            error.set(messages.get("devices.rename.invalid"));
            return;
        }
        change(() -> devices.rename(clean), messages.get("devices.renamed", clean));
    }

    /** Unlinks {@code device} (the view asked the user first). */
    public void unlink(DeviceService.Device device) {
        change(() -> devices.unlink(device.id()), messages.get("devices.unlinked", device.name()));
    }

    private void change(BackgroundTasks.VoidWork work, String done) {
        error.set("");
        status.set("");
        working.set(true);
        tasks.runVoid(work, () -> {
            status.set(done);
            load();
        }, this::fail);
    }

    private void fail(Exception e) {
        working.set(false);
        error.set(DeviceErrors.describe(e, messages));
    }
}
