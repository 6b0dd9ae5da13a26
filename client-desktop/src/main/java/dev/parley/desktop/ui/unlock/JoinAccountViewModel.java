package dev.parley.desktop.ui.unlock;

import dev.parley.crypto.link.LinkCode;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.service.ProfileExistsException;
import dev.parley.desktop.service.device.DeviceService;
import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.devices.DeviceErrors;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * First run, "Link to an existing account" (issue #17): the code or link the account's other device shows, this
 * device's name, the relay that device uses, the profile name and a passphrase for this computer. Joining waits until
 * the other device's user confirmed, with a line saying so and Cancel; a wrong or expired code, a relay that is not
 * the other device's, or a refusal gives a clear error and leaves no profile; success opens the main window.
 */
public final class JoinAccountViewModel {
    private final ProfileGateway gateway;
    private final BackgroundTasks tasks;
    private final UserMessages messages;

    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty deviceName = new SimpleStringProperty(this, "deviceName", "");
    private final StringProperty relayAddress = new SimpleStringProperty(this, "relayAddress", "");
    private final StringProperty certificatePin = new SimpleStringProperty(this, "certificatePin", "");
    private final FirstRunFlow flow;
    private final StringBinding codeHint;
    private final StringBinding relayHint;
    private final BooleanBinding canJoin;
    private boolean cancelled;

    /** @param profile the profile name to suggest ({@code --profile}), or empty */
    public JoinAccountViewModel(String profile, ProfileGateway gateway, BackgroundTasks tasks, UserMessages messages) {
        this.gateway = Objects.requireNonNull(gateway);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.flow = new FirstRunFlow(this, profile, tasks, messages);
        this.deviceName.set(messages.get("join.deviceName.default"));
        codeHint = Bindings.createStringBinding(() -> code.get().isBlank() || codeProblem().isEmpty() ? ""
                : messages.get("join.code.invalid"), code);
        relayHint = Bindings.createStringBinding(() -> relayAddress.get().isBlank() ? ""
                : relayProblem(), relayAddress, certificatePin);
        canJoin = Bindings.createBooleanBinding(() -> !flow.busy.get() && !code.get().isBlank()
                        && codeProblem().isEmpty() && nameProblem().isEmpty() && !relayAddress.get().isBlank()
                        && relayProblem().isEmpty()
                        && dev.parley.desktop.profile.ProfileName.isValid(flow.profile.get().strip())
                        && flow.passphraseReady(), flow.busy, code, deviceName, relayAddress, certificatePin,
                flow.profile, flow.strength, flow.passphrase, flow.confirmation);
    }

    /** Another profile on this computer runs a relay at {@code address}: prefill it (two profiles, one machine). */
    public void suggestLocalRelay(String address) {
        relayAddress.set(address);
    }

    /** Joins in the background; on success runs {@link #onJoinedProperty()}. */
    public void join() {
        if (!canJoin.get()) {
            return;
        }
        JoinRequest request = new JoinRequest(parseRelay(), code.get().strip(), deviceName.get().strip(),
                flow.passphrase.get().toCharArray());
        String target = flow.profile.get().strip();
        cancelled = false;
        flow.run(messages.get("join.waiting", deviceName.get().strip()), () -> gateway.join(target, request), () -> { },
                e -> cancelled ? messages.get("join.cancelled") : describe(e));
    }

    /** Stops a join in progress; it leaves no profile. */
    public void cancel() {
        if (!flow.busy.get()) {
            return;
        }
        cancelled = true;
        tasks.runVoid(gateway::cancelJoin, () -> { }, e -> { });
    }

    private String describe(Exception e) {
        if (e instanceof ProfileExistsException) {
            return messages.get("restore.exists", flow.profile.get().strip());
        }
        return DeviceErrors.describe(e, messages);
    }

    private java.util.Optional<String> codeProblem() {
        try {
            LinkCode.parse(code.get().strip());
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private java.util.Optional<String> nameProblem() {
        try {
            DeviceService.checkedName(deviceName.get());
            return java.util.Optional.empty();
        } catch (dev.parley.desktop.service.InvalidInputException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private String relayProblem() {
        try {
            parseRelay();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private RelayAddress parseRelay() {
        String pin = certificatePin.get().strip();
        return RelayAddress.parse(relayAddress.get().strip(), pin.isEmpty() ? null : pin);
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty deviceNameProperty() {
        return deviceName;
    }

    public StringProperty relayAddressProperty() {
        return relayAddress;
    }

    public StringProperty certificatePinProperty() {
        return certificatePin;
    }

    public StringProperty profileProperty() {
        return flow.profile;
    }

    public StringProperty passphraseProperty() {
        return flow.passphrase;
    }

    public StringProperty confirmationProperty() {
        return flow.confirmation;
    }

    public ObjectBinding<PassphraseStrength> strengthBinding() {
        return flow.strength;
    }

    /** "Not a linking code" while the typed code cannot be one; empty otherwise. */
    public StringBinding codeHintBinding() {
        return codeHint;
    }

    public StringBinding relayHintBinding() {
        return relayHint;
    }

    public StringBinding confirmationHintBinding() {
        return flow.confirmationHint;
    }

    public BooleanBinding canJoinBinding() {
        return canJoin;
    }

    /** The parts shared with the other first-run flows (their controllers bind them the same way). */
    FirstRunFlow flow() {
        return flow;
    }

    public ReadOnlyStringProperty errorProperty() {
        return flow.error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return flow.status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return flow.busy.getReadOnlyProperty();
    }

    public ObjectProperty<Runnable> onJoinedProperty() {
        return flow.onDone;
    }
}
