package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Glue between {@code onboarding.fxml} and {@link OnboardingViewModel}. */
public final class OnboardingController {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-choice");

    private final OnboardingViewModel vm;
    private final Navigator navigator;
    private final UserMessages messages;
    private final boolean hasProfiles;

    @FXML private TextField username;
    @FXML private Label usernameHint;
    @FXML private PasswordField passphrase;
    @FXML private HBox strengthMeter;
    @FXML private Label strengthLabel;
    @FXML private PasswordField confirmation;
    @FXML private Label confirmationHint;
    @FXML private VBox embeddedCard;
    @FXML private VBox remoteCard;
    @FXML private RadioButton embeddedChoice;
    @FXML private RadioButton remoteChoice;
    @FXML private VBox remoteFields;
    @FXML private TextField relayAddress;
    @FXML private Label relayHint;
    @FXML private TextField certificatePin;
    @FXML private TextField inviteCode;
    @FXML private Label error;
    @FXML private Button createButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label busyLabel;
    @FXML private Hyperlink unlockLink;

    public OnboardingController(OnboardingViewModel vm, Navigator navigator, UserMessages messages, boolean hasProfiles) {
        this.vm = Objects.requireNonNull(vm);
        this.navigator = Objects.requireNonNull(navigator);
        this.messages = Objects.requireNonNull(messages);
        this.hasProfiles = hasProfiles;
    }

    @FXML
    private void initialize() {
        username.textProperty().bindBidirectional(vm.usernameProperty());
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        confirmation.textProperty().bindBidirectional(vm.confirmationProperty());
        relayAddress.textProperty().bindBidirectional(vm.relayAddressProperty());
        certificatePin.textProperty().bindBidirectional(vm.certificatePinProperty());
        inviteCode.textProperty().bindBidirectional(vm.inviteCodeProperty());

        String defaultHint = usernameHint.getText();
        usernameHint.textProperty().bind(Bindings.when(vm.usernameHintBinding().isEmpty())
                .then(defaultHint).otherwise(vm.usernameHintBinding()));
        vm.usernameHintBinding().addListener((obs, was, now) -> {
            usernameHint.getStyleClass().setAll(now.isEmpty() ? "hint" : "hint-error");
        });
        showWhenNotEmpty(confirmationHint, vm.confirmationHintBinding());
        relayHint.textProperty().bind(vm.relayHintBinding());
        relayHint.visibleProperty().bind(vm.relayHintBinding().isNotEmpty());
        relayHint.managedProperty().bind(relayHint.visibleProperty());

        vm.strengthBinding().addListener((obs, was, now) -> showStrength(now));
        showStrength(vm.strengthBinding().get());

        ToggleGroup group = new ToggleGroup();
        embeddedChoice.setToggleGroup(group);
        remoteChoice.setToggleGroup(group);
        embeddedChoice.setSelected(vm.relayChoiceProperty().get() == RelayChoice.EMBEDDED);
        remoteChoice.setSelected(vm.relayChoiceProperty().get() == RelayChoice.REMOTE);
        group.selectedToggleProperty().addListener((obs, was, now) ->
                vm.relayChoiceProperty().set(now == remoteChoice ? RelayChoice.REMOTE : RelayChoice.EMBEDDED));
        vm.relayChoiceProperty().addListener((obs, was, now) -> showChoice(now));
        showChoice(vm.relayChoiceProperty().get());

        showWhenNotEmpty(error, vm.errorProperty());
        createButton.disableProperty().bind(vm.canCreateBinding().not());
        for (Node n : List.of(progress, busyLabel)) {
            n.visibleProperty().bind(vm.busyProperty());
            n.managedProperty().bind(vm.busyProperty());
        }
        unlockLink.setVisible(hasProfiles);
        unlockLink.setManaged(hasProfiles);
        vm.onCreatedProperty().set(navigator::showMain);
    }

    private void showChoice(RelayChoice choice) {
        embeddedCard.pseudoClassStateChanged(SELECTED, choice == RelayChoice.EMBEDDED);
        remoteCard.pseudoClassStateChanged(SELECTED, choice == RelayChoice.REMOTE);
        remoteFields.setVisible(choice == RelayChoice.REMOTE);
        remoteFields.setManaged(choice == RelayChoice.REMOTE);
        (choice == RelayChoice.REMOTE ? remoteChoice : embeddedChoice).setSelected(true);
    }

    private void showStrength(PassphraseStrength strength) {
        PassphraseFieldsView.showStrength(strengthMeter, strengthLabel, strength, messages);
    }

    private static void showWhenNotEmpty(Label label, javafx.beans.value.ObservableStringValue text) {
        PassphraseFieldsView.showWhenNotEmpty(label, text);
    }

    @FXML
    private void chooseEmbedded() {
        vm.relayChoiceProperty().set(RelayChoice.EMBEDDED);
    }

    @FXML
    private void chooseRemote() {
        vm.relayChoiceProperty().set(RelayChoice.REMOTE);
    }

    @FXML
    private void create() {
        vm.create();
    }

    @FXML
    private void showUnlock() {
        navigator.showUnlock();
    }

    @FXML
    private void showJoin() {
        navigator.showJoin(vm.profile());
    }

    @FXML
    private void showRestore() {
        navigator.showRestore(vm.profile());
    }
}
