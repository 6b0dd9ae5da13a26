package dev.parley.desktop.ui.unlock;

import static dev.parley.desktop.ui.unlock.WelcomeCards.id;
import static dev.parley.desktop.ui.unlock.WelcomeCards.styled;

import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first-run screen over {@link OnboardingViewModel}: username, passphrase (strength, the no-recovery warning) and
 * its confirmation, where the relay is, and Create. Built in code, as the first screen a new user sees (see
 * {@link WelcomeCards}).
 */
public final class OnboardingView extends StackPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected-choice");
    private static final int STRENGTH_BARS = 4;

    private final OnboardingViewModel vm;
    private final UserMessages messages;

    private final TextField username = id(new TextField(), "username");
    private final Label usernameHint = id(styled(new Label(), "hint"), "usernameHint");
    private final PasswordField passphrase = id(new PasswordField(), "passphrase");
    private final HBox strengthMeter = id(new HBox(4), "strengthMeter");
    private final Label strengthLabel = id(styled(new Label(), "hint"), "strengthLabel");
    private final PasswordField confirmation = id(new PasswordField(), "confirmation");
    private final Label confirmationHint = id(styled(new Label(), "hint-error"), "confirmationHint");
    private final RadioButton embeddedChoice = id(styled(new RadioButton(), "choice-title"), "embeddedChoice");
    private final RadioButton remoteChoice = id(styled(new RadioButton(), "choice-title"), "remoteChoice");
    private final VBox embeddedCard = id(styled(new VBox(3), "choice-card"), "embeddedCard");
    private final VBox remoteCard = id(styled(new VBox(3), "choice-card"), "remoteCard");
    private final VBox remoteFields = id(new VBox(5), "remoteFields");
    private final TextField relayAddress = id(new TextField(), "relayAddress");
    private final Label relayHint = id(styled(new Label(), "hint-error"), "relayHint");
    private final TextField certificatePin = id(new TextField(), "certificatePin");
    private final TextField inviteCode = id(new TextField(), "inviteCode");
    private final Label error = id(styled(new Label(), "error-text"), "error");
    private final Button createButton = id(new Button(), "createButton");
    private final ProgressIndicator progress = id(new ProgressIndicator(), "progress");
    private final Label busyLabel = id(styled(new Label(), "hint"), "busyLabel");
    private final Hyperlink unlockLink = id(new Hyperlink(), "unlockLink");
    private final Hyperlink joinLink = id(new Hyperlink(), "joinLink");
    private final Hyperlink restoreLink = id(new Hyperlink(), "restoreLink");

    /** @param hasProfiles whether to offer "Unlock an existing profile" */
    public OnboardingView(OnboardingViewModel vm, Navigator navigator, UserMessages messages, boolean hasProfiles) {
        this.vm = Objects.requireNonNull(vm);
        this.messages = Objects.requireNonNull(messages);
        Objects.requireNonNull(navigator);
        getStyleClass().add("welcome");

        VBox card = WelcomeCards.card(480);
        card.getChildren().addAll(
                WelcomeCards.brand(WelcomeCards.BUBBLE, 1.4, messages.get("onboarding.title")),
                wrapping(styled(new Label(messages.get("onboarding.subtitle")), "subtitle")));
        card.getChildren().addAll(accountFields());
        card.getChildren().addAll(
                relayChoice(),
                wrapping(error),
                actions(),
                busyLabel,
                unlockLink,
                joinLink,
                restoreLink);
        unlockLink.setOnAction(e -> navigator.showUnlock());
        joinLink.setOnAction(e -> navigator.showJoin(vm.profile()));
        restoreLink.setOnAction(e -> navigator.showRestore(vm.profile()));
        StackPane padded = new StackPane(card);
        padded.setPadding(new Insets(36, 24, 36, 24));
        ScrollPane scroll = styled(new ScrollPane(padded), "onboarding-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        getChildren().add(scroll);

        bind(navigator, hasProfiles);
    }

    private List<VBox> accountFields() {
        username.setPromptText(messages.get("onboarding.username.prompt"));
        usernameHint.setText(messages.get("onboarding.username.hint"));
        passphrase.setPromptText(messages.get("onboarding.passphrase.prompt"));
        for (int i = 0; i < STRENGTH_BARS; i++) {
            Region bar = styled(new Region(), "strength-bar");
            HBox.setHgrow(bar, Priority.ALWAYS);
            strengthMeter.getChildren().add(bar);
        }
        Label noRecovery = id(wrapping(styled(new Label(messages.get("onboarding.passphrase.noRecovery")),
                "hint-warning")), "noRecovery");
        confirmation.setPromptText(messages.get("onboarding.confirm.prompt"));
        hidden(confirmationHint);
        return List.of(
                WelcomeCards.field(messages.get("onboarding.username"), username, usernameHint),
                WelcomeCards.field(messages.get("onboarding.passphrase"), passphrase, strengthMeter, strengthLabel,
                        noRecovery),
                WelcomeCards.field(messages.get("onboarding.confirm"), confirmation, confirmationHint));
    }

    private VBox relayChoice() {
        embeddedChoice.setText(messages.get("onboarding.relay.embedded"));
        embeddedCard.getChildren().addAll(embeddedChoice, indented(wrapping(
                styled(new Label(messages.get("onboarding.relay.embedded.detail")), "hint"))));
        embeddedCard.setOnMouseClicked(e -> vm.relayChoiceProperty().set(RelayChoice.EMBEDDED));

        relayAddress.setPromptText(messages.get("onboarding.relay.address.prompt"));
        relayHint.setWrapText(true);
        certificatePin.setPromptText(messages.get("onboarding.relay.pin.prompt"));
        remoteFields.setPadding(new Insets(6, 0, 0, 26));
        remoteFields.getChildren().addAll(
                styled(new Label(messages.get("onboarding.relay.address")), "field-label"), relayAddress, relayHint,
                styled(new Label(messages.get("onboarding.relay.pin")), "field-label"), certificatePin,
                styled(new Label(messages.get("onboarding.relay.invite")), "field-label"), inviteCode);
        remoteChoice.setText(messages.get("onboarding.relay.remote"));
        remoteCard.getChildren().addAll(remoteChoice, indented(wrapping(
                styled(new Label(messages.get("onboarding.relay.remote.detail")), "hint"))), remoteFields);
        remoteCard.setOnMouseClicked(e -> vm.relayChoiceProperty().set(RelayChoice.REMOTE));

        return new VBox(8, styled(new Label(messages.get("onboarding.relay")), "field-label"), embeddedCard, remoteCard);
    }

    private HBox actions() {
        createButton.getStyleClass().addAll("accent", "primary-action");
        createButton.setText(messages.get("onboarding.create"));
        createButton.setDefaultButton(true);
        createButton.setMaxWidth(Double.MAX_VALUE);
        createButton.setOnAction(e -> vm.create());
        HBox.setHgrow(createButton, Priority.ALWAYS);
        progress.setPrefSize(26, 26);
        busyLabel.setText(messages.get("onboarding.creating"));
        unlockLink.setText(messages.get("onboarding.haveProfile"));
        joinLink.setText(messages.get("onboarding.join"));
        restoreLink.setText(messages.get("onboarding.restore"));
        HBox row = new HBox(12, createButton, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void bind(Navigator navigator, boolean hasProfiles) {
        username.textProperty().bindBidirectional(vm.usernameProperty());
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        confirmation.textProperty().bindBidirectional(vm.confirmationProperty());
        relayAddress.textProperty().bindBidirectional(vm.relayAddressProperty());
        certificatePin.textProperty().bindBidirectional(vm.certificatePinProperty());
        inviteCode.textProperty().bindBidirectional(vm.inviteCodeProperty());

        String defaultHint = usernameHint.getText();
        usernameHint.textProperty().bind(Bindings.when(vm.usernameHintBinding().isEmpty())
                .then(defaultHint).otherwise(vm.usernameHintBinding()));
        vm.usernameHintBinding().addListener((obs, was, now) ->
                usernameHint.getStyleClass().setAll(now.isEmpty() ? "hint" : "hint-error"));
        PassphraseFieldsView.showWhenNotEmpty(confirmationHint, vm.confirmationHintBinding());
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

        PassphraseFieldsView.showWhenNotEmpty(error, vm.errorProperty());
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

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        return label;
    }

    private static Label indented(Label label) {
        label.setPadding(new Insets(0, 0, 0, 26));
        return label;
    }

    private static void hidden(Node node) {
        node.setVisible(false);
        node.setManaged(false);
    }
}
