package dev.parley.desktop.ui.unlock;

import static dev.parley.desktop.ui.unlock.WelcomeCards.id;
import static dev.parley.desktop.ui.unlock.WelcomeCards.styled;

import dev.parley.desktop.ui.common.Effects;
import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The unlock screen over {@link UnlockViewModel}: the profile (a picker when there are several), the passphrase,
 * Unlock, and "Create a new profile". Built in code, as the first screen Parley shows (see {@link WelcomeCards}).
 */
public final class UnlockView extends StackPane {
    private final UnlockViewModel vm;
    private final Navigator navigator;

    private final VBox profileBox;
    private final ComboBox<String> profilePicker = id(new ComboBox<>(), "profilePicker");
    private final Label profileName = id(styled(new Label(), "me-name"), "profileName");
    private final PasswordField passphrase = id(new PasswordField(), "passphrase");
    private final Label error = id(styled(new Label(), "error-text"), "error");
    private final Button unlockButton = id(new Button(), "unlockButton");
    private final ProgressIndicator progress = id(new ProgressIndicator(), "progress");
    private final Label migration = id(styled(new Label(), "subtitle"), "migration");

    public UnlockView(UnlockViewModel vm, Navigator navigator, UserMessages messages) {
        this.vm = Objects.requireNonNull(vm);
        this.navigator = Objects.requireNonNull(navigator);
        getStyleClass().add("welcome");
        setPadding(new Insets(24));

        profilePicker.setMaxWidth(Double.MAX_VALUE);
        profileBox = id(WelcomeCards.field(messages.get("unlock.profile"), profilePicker), "profileBox");
        error.setWrapText(true);
        unlockButton.getStyleClass().addAll("accent", "primary-action");
        unlockButton.setText(messages.get("unlock.button"));
        unlockButton.setDefaultButton(true);
        unlockButton.setMaxWidth(Double.MAX_VALUE);
        unlockButton.setOnAction(e -> vm.unlock());
        HBox.setHgrow(unlockButton, Priority.ALWAYS);
        progress.setPrefSize(26, 26);
        HBox actions = new HBox(12, unlockButton, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        Hyperlink newProfile = new Hyperlink(messages.get("unlock.newProfile"));
        newProfile.setOnAction(e -> navigator.showOnboarding(""));

        VBox card = WelcomeCards.card(400);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getChildren().addAll(
                WelcomeCards.brand(WelcomeCards.PADLOCK, 1.3, messages.get("unlock.title")),
                styled(new Label(messages.get("unlock.subtitle")), "subtitle"),
                profileBox,
                profileName,
                WelcomeCards.field(messages.get("unlock.passphrase"), passphrase),
                error,
                actions,
                migration,
                newProfile);
        getChildren().add(card);
        bind();
    }

    private void bind() {
        profilePicker.setItems(vm.profiles());
        profilePicker.valueProperty().bindBidirectional(vm.profileProperty());
        profileBox.visibleProperty().bind(vm.severalProfilesBinding());
        profileBox.managedProperty().bind(profileBox.visibleProperty());
        profileName.textProperty().bind(vm.profileProperty());
        profileName.visibleProperty().bind(vm.severalProfilesBinding().not());
        profileName.managedProperty().bind(profileName.visibleProperty());
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        // read-only, not disabled, while unlocking: a disabled field loses the focus to the next control (the
        // "Create a new profile" link, where the next space typed opened onboarding)
        passphrase.editableProperty().bind(vm.busyProperty().not());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        unlockButton.disableProperty().bind(vm.canUnlockBinding().not());
        migration.textProperty().bind(vm.migrationProperty());
        migration.visibleProperty().bind(Bindings.isNotEmpty(vm.migrationProperty()));
        migration.managedProperty().bind(migration.visibleProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        vm.wrongAttemptsProperty().addListener((obs, was, now) -> Effects.shake(passphrase));
        vm.busyProperty().addListener((obs, was, busy) -> {
            if (!busy && !vm.errorProperty().get().isEmpty()) {
                passphrase.requestFocus();
                passphrase.selectAll();
            }
        });
        vm.onUnlockedProperty().set(navigator::showMain);
        Platform.runLater(passphrase::requestFocus);
    }
}
