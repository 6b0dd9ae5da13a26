package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.ui.common.Effects;
import dev.parley.desktop.ui.common.Navigator;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** Glue between {@code unlock.fxml} and {@link UnlockViewModel}. */
public final class UnlockController {
    private final UnlockViewModel vm;
    private final Navigator navigator;

    @FXML private VBox profileBox;
    @FXML private ComboBox<String> profilePicker;
    @FXML private Label profileName;
    @FXML private PasswordField passphrase;
    @FXML private Label error;
    @FXML private Button unlockButton;
    @FXML private ProgressIndicator progress;

    public UnlockController(UnlockViewModel vm, Navigator navigator) {
        this.vm = Objects.requireNonNull(vm);
        this.navigator = Objects.requireNonNull(navigator);
    }

    @FXML
    private void initialize() {
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

    @FXML
    private void unlock() {
        vm.unlock();
    }

    @FXML
    private void showOnboarding() {
        navigator.showOnboarding("");
    }
}
