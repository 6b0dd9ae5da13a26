package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Glue between {@code join.fxml} and {@link JoinAccountViewModel} (issue #17). */
public final class JoinAccountController {
    private final JoinAccountViewModel vm;
    private final Navigator navigator;
    private final UserMessages messages;

    @FXML private TextField linkCode;
    @FXML private Label codeHint;
    @FXML private TextField deviceName;
    @FXML private TextField relayAddress;
    @FXML private Label relayHint;
    @FXML private TextField certificatePin;
    @FXML private TextField profileName;
    @FXML private PasswordField passphrase;
    @FXML private HBox strengthMeter;
    @FXML private Label strengthLabel;
    @FXML private PasswordField confirmation;
    @FXML private Label confirmationHint;
    @FXML private Label error;
    @FXML private Button joinButton;
    @FXML private ProgressIndicator progress;
    @FXML private HBox waitingRow;
    @FXML private Label status;
    @FXML private Hyperlink backLink;

    public JoinAccountController(JoinAccountViewModel vm, Navigator navigator, UserMessages messages) {
        this.vm = Objects.requireNonNull(vm);
        this.navigator = Objects.requireNonNull(navigator);
        this.messages = Objects.requireNonNull(messages);
    }

    @FXML
    private void initialize() {
        linkCode.textProperty().bindBidirectional(vm.codeProperty());
        deviceName.textProperty().bindBidirectional(vm.deviceNameProperty());
        relayAddress.textProperty().bindBidirectional(vm.relayAddressProperty());
        certificatePin.textProperty().bindBidirectional(vm.certificatePinProperty());
        FirstRunFields.bind(vm.flow(), profileName, new FirstRunFields.Passphrase(passphrase, strengthMeter,
                strengthLabel, confirmation, confirmationHint), error, status, navigator, messages);
        PassphraseFieldsView.showWhenNotEmpty(codeHint, vm.codeHintBinding());
        PassphraseFieldsView.showWhenNotEmpty(relayHint, vm.relayHintBinding());
        for (Node n : List.of(progress, waitingRow)) {
            n.visibleProperty().bind(vm.busyProperty());
            n.managedProperty().bind(vm.busyProperty());
        }
        for (Node n : List.of(linkCode, deviceName, relayAddress, certificatePin, profileName, passphrase,
                confirmation, backLink)) {
            n.disableProperty().bind(vm.busyProperty());
        }
        joinButton.disableProperty().bind(vm.canJoinBinding().not());
    }

    @FXML
    private void join() {
        vm.join();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void showOnboarding() {
        navigator.showOnboarding(vm.profileProperty().get());
    }
}
