package dev.parley.desktop.ui.unlock;

import dev.parley.desktop.ui.common.Navigator;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.main.FileChoosers;
import java.util.List;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Glue between {@code restore.fxml} and {@link RestoreViewModel}. */
public final class RestoreController {
    private final RestoreViewModel vm;
    private final Navigator navigator;
    private final UserMessages messages;
    private final FileChoosers choosers;

    @FXML private TextField backupFile;
    @FXML private Label secretLabel;
    @FXML private PasswordField backupSecret;
    @FXML private TextField profileName;
    @FXML private PasswordField passphrase;
    @FXML private HBox strengthMeter;
    @FXML private Label strengthLabel;
    @FXML private PasswordField confirmation;
    @FXML private Label confirmationHint;
    @FXML private Label error;
    @FXML private Button restoreButton;
    @FXML private ProgressBar progress;
    @FXML private Label status;

    public RestoreController(RestoreViewModel vm, Navigator navigator, UserMessages messages, FileChoosers choosers) {
        this.vm = Objects.requireNonNull(vm);
        this.navigator = Objects.requireNonNull(navigator);
        this.messages = Objects.requireNonNull(messages);
        this.choosers = Objects.requireNonNull(choosers);
    }

    @FXML
    private void initialize() {
        backupFile.textProperty().bindBidirectional(vm.fileProperty());
        backupSecret.textProperty().bindBidirectional(vm.secretProperty());
        FirstRunFields.bind(vm.flow(), profileName, new FirstRunFields.Passphrase(passphrase, strengthMeter,
                strengthLabel, confirmation, confirmationHint), error, status, navigator, messages);
        secretLabel.textProperty().bind(vm.secretLabelBinding());
        progress.progressProperty().bind(vm.progressProperty());
        for (Node n : List.of(progress, status)) {
            n.visibleProperty().bind(vm.busyProperty());
            n.managedProperty().bind(vm.busyProperty());
        }
        restoreButton.disableProperty().bind(vm.canRestoreBinding().not());
    }

    @FXML
    private void chooseFile() {
        choosers.fileToSend(backupFile.getScene().getWindow(), messages.get("restore.chooseTitle"))
                .ifPresent(path -> vm.fileProperty().set(path.toString()));
    }

    @FXML
    private void restore() {
        vm.restore();
    }

    @FXML
    private void showOnboarding() {
        navigator.showOnboarding(vm.profileProperty().get());
    }
}
