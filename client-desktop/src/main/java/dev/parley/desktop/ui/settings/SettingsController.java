package dev.parley.desktop.ui.settings;

import dev.parley.desktop.ui.common.Theme;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Glue between {@code settings.fxml} and {@link SettingsViewModel}. */
public final class SettingsController {
    private final SettingsViewModel vm;
    private final UserMessages messages;
    private final Runnable close;
    private static final double FIXED_PARTS = 140;
    private static final double MIN_SECTIONS = 160;

    @FXML private TextField relay;
    @FXML private VBox embeddedBox;
    @FXML private TextField embeddedRelay;
    @FXML private VBox fingerprintBox;
    @FXML private TextField embeddedFingerprint;
    @FXML private CheckBox readReceipts;
    @FXML private CheckBox typingIndicators;
    @FXML private CheckBox notifications;
    @FXML private CheckBox notificationText;
    @FXML private ComboBox<Theme> theme;
    @FXML private Spinner<Integer> autoLock;
    @FXML private PasswordField currentPassphrase;
    @FXML private PasswordField newPassphrase;
    @FXML private PasswordField confirmPassphrase;
    @FXML private Label passphraseHint;
    @FXML private ScrollPane scroller;
    @FXML private Button changePassphraseButton;
    @FXML private Label passphraseResult;
    @FXML private Label error;
    @FXML private CheckBox backupUseCode;
    @FXML private PasswordField backupPassphrase;
    @FXML private PasswordField backupConfirm;
    @FXML private TextField backupTarget;
    @FXML private Button exportBackupButton;
    @FXML private javafx.scene.control.ProgressBar backupProgress;
    @FXML private Label backupResult;
    @FXML private javafx.scene.control.ChoiceBox<BackupScheduleViewModel.Choice> scheduleChoice;
    @FXML private TextField scheduleFolder;
    @FXML private javafx.scene.control.Spinner<Integer> scheduleKeep;
    @FXML private Button saveScheduleButton;
    @FXML private Label scheduleStatus;
    @FXML private VBox recoveryCodeBox;
    @FXML private TextField recoveryCode;

    public SettingsController(SettingsViewModel vm, UserMessages messages, Runnable close) {
        this.vm = Objects.requireNonNull(vm);
        this.messages = Objects.requireNonNull(messages);
        this.close = Objects.requireNonNull(close);
    }

    @FXML
    private void initialize() {
        relay.textProperty().bind(vm.relayProperty());
        embeddedRelay.textProperty().bind(vm.embeddedRelayProperty());
        embeddedBox.visibleProperty().bind(vm.embeddedRelayProperty().isNotEmpty());
        embeddedBox.managedProperty().bind(embeddedBox.visibleProperty());
        embeddedFingerprint.textProperty().bind(vm.embeddedFingerprintProperty());
        fingerprintBox.visibleProperty().bind(vm.embeddedFingerprintProperty().isNotEmpty());
        fingerprintBox.managedProperty().bind(fingerprintBox.visibleProperty());
        readReceipts.selectedProperty().bindBidirectional(vm.readReceiptsProperty());
        typingIndicators.selectedProperty().bindBidirectional(vm.typingIndicatorsProperty());
        notifications.selectedProperty().bindBidirectional(vm.notificationsProperty());
        notificationText.selectedProperty().bindBidirectional(vm.notificationTextProperty());
        notificationText.disableProperty().bind(vm.notificationsProperty().not());
        theme.getItems().setAll(Theme.values());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : messages.get("settings.theme." + t.name());
            }

            @Override
            public Theme fromString(String s) {
                return Theme.parse(s);
            }
        });
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(0, SettingsValues.MAX_AUTO_LOCK_MINUTES, 15, 5);
        autoLock.setValueFactory(factory);
        autoLock.setEditable(true);
        vm.autoLockMinutesProperty().addListener((obs, was, now) -> factory.setValue(now.intValue()));
        factory.valueProperty().addListener((obs, was, now) -> {
            if (now != null && now != vm.autoLockMinutesProperty().get()) {
                vm.autoLockMinutesProperty().set(now);
            }
        });
        currentPassphrase.textProperty().bindBidirectional(vm.currentPassphraseProperty());
        newPassphrase.textProperty().bindBidirectional(vm.newPassphraseProperty());
        confirmPassphrase.textProperty().bindBidirectional(vm.confirmPassphraseProperty());
        passphraseHint.textProperty().bind(vm.passphraseHintBinding());
        passphraseHint.visibleProperty().bind(Bindings.isNotEmpty(vm.passphraseHintBinding()));
        passphraseHint.managedProperty().bind(passphraseHint.visibleProperty());
        changePassphraseButton.disableProperty().bind(vm.canChangePassphraseBinding().not());
        passphraseResult.textProperty().bind(vm.passphraseResultProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(vm.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        bindBackup(vm.backup());
        bindSchedule(vm.schedule());
        vm.load();
    }

    private void bindBackup(BackupViewModel backup) {
        backupUseCode.selectedProperty().bindBidirectional(backup.useRecoveryCodeProperty());
        backupPassphrase.textProperty().bindBidirectional(backup.passphraseProperty());
        backupConfirm.textProperty().bindBidirectional(backup.confirmProperty());
        backupPassphrase.disableProperty().bind(backup.useRecoveryCodeProperty());
        backupConfirm.disableProperty().bind(backup.useRecoveryCodeProperty());
        backupTarget.textProperty().bindBidirectional(backup.targetProperty());
        backupTarget.disableProperty().bind(backup.runningProperty());
        exportBackupButton.disableProperty().bind(backup.canExportBinding().not());
        backupProgress.progressProperty().bind(backup.progressProperty());
        backupProgress.visibleProperty().bind(backup.runningProperty());
        backupProgress.managedProperty().bind(backupProgress.visibleProperty());
        backupResult.textProperty().bind(backup.resultProperty());
        recoveryCode.textProperty().bind(backup.recoveryCodeProperty());
        recoveryCodeBox.visibleProperty().bind(backup.recoveryCodeProperty().isNotEmpty());
        recoveryCodeBox.managedProperty().bind(recoveryCodeBox.visibleProperty());
    }

    private void bindSchedule(BackupScheduleViewModel schedule) {
        scheduleChoice.getItems().setAll(BackupScheduleViewModel.Choice.values());
        scheduleChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BackupScheduleViewModel.Choice choice) {
                return choice == null ? "" : messages.get("settings.schedule." + choice.name());
            }

            @Override
            public BackupScheduleViewModel.Choice fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        scheduleChoice.valueProperty().bindBidirectional(schedule.choiceProperty());
        scheduleFolder.textProperty().bindBidirectional(schedule.folderProperty());
        scheduleFolder.disableProperty().bind(schedule.choiceProperty().isEqualTo(BackupScheduleViewModel.Choice.OFF));
        javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory keep =
                new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                        dev.parley.desktop.service.backup.BackupSchedule.MAX_KEEP, schedule.keepProperty().get());
        scheduleKeep.setValueFactory(keep);
        keep.valueProperty().addListener((obs, was, now) -> schedule.keepProperty().set(now));
        schedule.keepProperty().addListener((obs, was, now) -> keep.setValue(now.intValue()));
        scheduleKeep.disableProperty().bind(scheduleFolder.disableProperty());
        saveScheduleButton.disableProperty().bind(schedule.canSaveBinding().not());
        scheduleStatus.textProperty().bind(schedule.statusProperty());
    }

    @FXML
    private void saveSchedule() {
        vm.schedule().save();
    }

    @FXML
    private void exportBackup() {
        vm.backup().export();
    }

    /**
     * Keeps the whole dialog within {@code maxDialogHeight} pixels: the sections scroll, the title and Done stay in
     * view. About {@value #FIXED_PARTS} pixels go to the title, the error line, the Done row and the padding.
     */
    public void limitHeight(double maxDialogHeight) {
        scroller.setMaxHeight(Math.max(MIN_SECTIONS, maxDialogHeight - FIXED_PARTS));
    }

    @FXML
    private void changePassphrase() {
        vm.changePassphrase();
    }

    @FXML
    private void close() {
        vm.backup().forget();
        close.run();
    }
}
