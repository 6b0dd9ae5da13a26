package dev.parley.desktop.ui.devices;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.people.PeopleScreens;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The device screens of the main window (issue #17), composed without growing the app shell: the Devices section of
 * Settings and the "Link a new device" dialog it opens. Built by the app shell with the unlocked session's gateway.
 */
public final class DeviceScreens {
    /** Each linking waits on a daemon thread of its own (minutes, for the other computer), not on the app's workers. */
    private static final Executor OWN_THREAD = work -> {
        Thread t = new Thread(work, "parley-device-link");
        t.setDaemon(true);
        t.start();
    };

    private final DevicesGateway devices;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final PeopleScreens.DialogOpener dialogs;
    private final ZoneId zone;
    private LinkDeviceViewModel openLink;

    public DeviceScreens(DevicesGateway devices, BackgroundTasks tasks, UserMessages messages,
                         PeopleScreens.DialogOpener dialogs, ZoneId zone) {
        this.devices = Objects.requireNonNull(devices);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.zone = Objects.requireNonNull(zone);
    }

    /** A Devices section for a Settings dialog; it loads the list at once. */
    public DevicesSettingsPane settingsPane() {
        DevicesViewModel vm = new DevicesViewModel(devices, tasks, messages);
        DevicesSettingsPane pane = new DevicesSettingsPane(vm, messages, zone, () -> openLink(vm));
        vm.load();
        return pane;
    }

    /** Opens "Link a new device"; once a device is linked, {@code list} reloads. Closing the dialog cancels. */
    public void openLink(DevicesViewModel list) {
        LinkDeviceViewModel vm = new LinkDeviceViewModel(devices, new BackgroundTasks(OWN_THREAD, tasks.uiThread()),
                messages);
        vm.onLinked(list::load);
        Stage[] dialog = new Stage[1];
        dialog[0] = dialogs.open(messages.get("devices.link.title"), new LinkDeviceView(vm, messages,
                () -> dialog[0].close()));
        dialog[0].addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            vm.cancel();
            if (openLink == vm) {
                openLink = null;
            }
        });
        openLink = vm;
        vm.start();
    }

    /** Cancels a linking in progress (the profile locks). */
    public void stop() {
        if (openLink != null) {
            openLink.cancel();
            openLink = null;
        }
    }
}
