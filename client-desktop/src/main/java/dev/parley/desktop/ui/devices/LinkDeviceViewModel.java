package dev.parley.desktop.ui.devices;

import dev.parley.desktop.service.device.DeviceLinker;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Link a new device" on a device the account has (issue #17): opens a linking channel and shows its short code and
 * link (and the QR code of the link); waits for the new device; shows the name it gave and asks the user to confirm;
 * then provisions and registers it. Cancel (or closing the dialog) stops the wait at once and sends nothing more. A
 * wrong code on the other device, an expired one, or a relay that tampered with the exchange ends in a clear message;
 * so does the new device leaving (cancelled or closed there), at once, whichever step this dialog is at.
 *
 * <p>The waits run on {@code waits}, a {@link BackgroundTasks} of their own, so a linking that waits minutes for the
 * other computer never holds one of the app's few workers.
 */
public final class LinkDeviceViewModel {
    /** Where the linking is. */
    public enum Step {
        /** Opening the channel. */
        STARTING,
        /** The code shows; waiting for the new device. */
        WAITING,
        /** The new device answered: its name shows, waiting for the user's confirmation. */
        CONFIRM,
        /** Confirmed: provisioning and registering it. */
        LINKING,
        /** Linked; sending this computer's history to it (issue #17, when the user asked for it). */
        SENDING_HISTORY,
        /** Linked. */
        DONE,
        /** Failed or cancelled; the error says which. */
        FAILED
    }

    private final DevicesGateway devices;
    private final BackgroundTasks waits;
    private final UserMessages messages;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.STARTING);
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper(this, "code", "");
    private final ReadOnlyStringWrapper link = new ReadOnlyStringWrapper(this, "link", "");
    private final ReadOnlyStringWrapper deviceName = new ReadOnlyStringWrapper(this, "deviceName", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final javafx.beans.property.BooleanProperty withHistory =
            new javafx.beans.property.SimpleBooleanProperty(this, "withHistory", false);
    private final ReadOnlyStringWrapper history = new ReadOnlyStringWrapper(this, "history", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper historyStopped =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "historyStopped", false);
    private volatile boolean stopHistory;
    private int linkedDevice;
    private Runnable onLinked = () -> { };
    private DeviceLinker.Session session;
    private boolean cancelled;

    public LinkDeviceViewModel(DevicesGateway devices, BackgroundTasks waits, UserMessages messages) {
        this.devices = Objects.requireNonNull(devices);
        this.waits = Objects.requireNonNull(waits);
        this.messages = Objects.requireNonNull(messages);
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The short code to type on the new device (four groups of four). */
    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** The {@code parley://link/...} link (and QR code) to paste on the new device. */
    public ReadOnlyStringProperty linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** The name the new device gave, once it answered. */
    public ReadOnlyStringProperty deviceNameProperty() {
        return deviceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether to send this computer's history to the new device once it is linked (asked with the confirmation). */
    public javafx.beans.property.BooleanProperty withHistoryProperty() {
        return withHistory;
    }

    /** The history transfer's progress, then its outcome; empty when no history is sent. */
    public ReadOnlyStringProperty historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** True when the history transfer stopped before the end ({@link #retryHistory} goes on). */
    public javafx.beans.property.ReadOnlyBooleanProperty historyStoppedProperty() {
        return historyStopped.getReadOnlyProperty();
    }

    /** Runs once the new device is linked. */
    public void onLinked(Runnable listener) {
        onLinked = Objects.requireNonNull(listener);
    }

    /** Opens the channel, shows the code and waits for the new device. */
    public void start() {
        step.set(Step.STARTING);
        error.set("");
        waits.run(devices::startLink, started -> {
            session = started;
            if (cancelled) {
                started.cancel();
                return;
            }
            code.set(started.code().shortCode());
            link.set(started.code().uri());
            step.set(Step.WAITING);
            waits.run(() -> devices.awaitDevice(started), name -> {
                deviceName.set(name);
                step.set(Step.CONFIRM);
                waits.run(() -> devices.awaitDeparture(started), this::departed, this::fail);
            }, this::fail);
        }, this::fail);
    }

    /** The user confirmed the device named {@link #deviceNameProperty()}. */
    public void confirm() {
        if (step.get() != Step.CONFIRM) {
            return;
        }
        DeviceLinker.Session current = session;
        step.set(Step.LINKING);
        waits.run(() -> devices.confirm(current), id -> {
            linkedDevice = id;
            onLinked.run();
            if (withHistory.get()) {
                sendHistory();
            } else {
                step.set(Step.DONE);
            }
        }, this::fail);
    }

    /** Goes on with a history transfer that stopped (a lost connection): from the chunk after the last one queued. */
    public void retryHistory() {
        if (historyStopped.get()) {
            sendHistory();
        }
    }

    private void sendHistory() {
        step.set(Step.SENDING_HISTORY);
        historyStopped.set(false);
        error.set("");
        stopHistory = false;
        history.set(messages.get("devices.link.historyProgress", 0, 0));
        waits.run(() -> devices.sendHistory(linkedDevice, (sent, total) -> {
            waits.uiThread().execute(() -> history.set(messages.get("devices.link.historyProgress", sent, total)));
            return !stopHistory;
        }), status -> {
            if (status.done()) {
                history.set(messages.get("devices.link.historyDone", status.messagesSent()));
            } else {
                history.set(messages.get("devices.link.historyPaused", status.messagesSent(), status.messagesTotal()));
                historyStopped.set(true);
            }
            step.set(Step.DONE);
        }, e -> {
            history.set(messages.get("devices.link.historyStopped", DeviceErrors.describe(e, messages)));
            historyStopped.set(true);
            step.set(Step.DONE);
        });
    }

    /** Stops the linking: a wait ends at once, nothing more reaches the new device. Harmless when done. */
    public void cancel() {
        stopHistory = true;     // a history transfer stops after its chunk in flight, and can go on later
        if (step.get() == Step.DONE || step.get() == Step.LINKING || step.get() == Step.SENDING_HISTORY || cancelled) {
            return;
        }
        cancelled = true;
        if (session != null) {
            session.cancel();
        }
        step.set(Step.FAILED);
        error.set(messages.get("devices.link.cancelled"));
    }

    /** The new device left while its name waited for the user: the dialog stops waiting and says so. */
    private void departed(boolean left) {
        if (left && step.get() == Step.CONFIRM && !cancelled) {
            step.set(Step.FAILED);
            error.set(messages.get("devices.link.left"));
        }
    }

    private void fail(Exception e) {
        if (cancelled) {
            return;
        }
        step.set(Step.FAILED);
        error.set(DeviceErrors.describe(e, messages));
    }
}
