package dev.parley.desktop.ui.devices;

import dev.parley.desktop.service.device.DeviceService;
import dev.parley.desktop.ui.common.UserMessages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Devices section of Settings (issue #17): each device of the account with its name, when it was linked and
 * last active, "This device" on this one; Rename (this device), Unlink (after a confirmation) and "Link a new device".
 */
public final class DevicesSettingsPane extends VBox {
    private final DevicesViewModel vm;
    private final UserMessages messages;
    private final DateTimeFormatter dates;
    private final VBox rows = new VBox(8);
    private final HBox renameBox;
    private final TextField renameField = new TextField();

    /** @param openLink opens the "Link a new device" dialog */
    public DevicesSettingsPane(DevicesViewModel vm, UserMessages messages, ZoneId zone, Runnable openLink) {
        super(6);
        this.vm = vm;
        this.messages = messages;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.getDefault()).withZone(zone);
        setId("devicesSection");
        Label section = new Label(messages.get("devices.section"));
        section.getStyleClass().add("settings-section");
        Label hint = new Label(messages.get("devices.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Label.USE_PREF_SIZE);

        renameField.setId("deviceNameField");
        renameField.setPromptText(messages.get("devices.rename.prompt"));
        HBox.setHgrow(renameField, Priority.ALWAYS);
        Button save = new Button(messages.get("devices.rename.save"));
        save.setId("saveDeviceName");
        save.setDefaultButton(false);
        save.setOnAction(e -> {
            vm.rename(renameField.getText());
            showRename(false);
        });
        renameField.setOnAction(e -> save.fire());
        Button cancel = new Button(messages.get("devices.link.cancel"));
        cancel.setOnAction(e -> showRename(false));
        renameBox = new HBox(8, renameField, save, cancel);
        renameBox.setAlignment(Pos.CENTER_LEFT);
        showRename(false);

        Button link = new Button(messages.get("devices.link.button"));
        link.setId("linkDeviceButton");
        link.getStyleClass().add("accent");
        link.setOnAction(e -> openLink.run());
        Label status = new Label();
        status.setId("devicesStatus");
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox linkRow = new HBox(10, link, status);
        linkRow.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("devicesError");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Label.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        rows.disableProperty().bind(vm.workingProperty());
        getChildren().addAll(section, hint, rows, renameBox, linkRow, error);
        vm.devices().addListener((ListChangeListener<DeviceService.Device>) c -> showRows());
        showRows();
    }

    private void showRows() {
        rows.getChildren().clear();
        for (DeviceService.Device device : vm.devices()) {
            rows.getChildren().add(row(device));
        }
    }

    private HBox row(DeviceService.Device device) {
        Label name = new Label(LinkDeviceView.printable(device.name()));
        name.getStyleClass().add("device-name");
        HBox title = new HBox(8, name);
        title.setAlignment(Pos.CENTER_LEFT);
        if (device.thisDevice()) {
            Label tag = new Label(messages.get("devices.thisDevice"));
            tag.setId("thisDeviceTag");
            tag.getStyleClass().add("device-tag");
            title.getChildren().add(tag);
        }
        Label times = new Label(messages.get("devices.times", time(device.linkedAt()), time(device.lastActiveAt())));
        times.getStyleClass().add("hint");
        times.setWrapText(true);
        times.setMinHeight(Label.USE_PREF_SIZE);
        VBox text = new VBox(2, title, times);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text);
        row.setId("device-" + device.id());
        row.getStyleClass().add("device-row");
        row.setAlignment(Pos.CENTER_LEFT);
        if (device.thisDevice()) {
            Button rename = new Button(messages.get("devices.rename"));
            rename.setId("renameDevice");
            rename.setMinWidth(Button.USE_PREF_SIZE);
            rename.setOnAction(e -> {
                renameField.setText(device.name());
                showRename(true);
                renameField.requestFocus();
            });
            row.getChildren().add(rename);
        }
        Button unlink = new Button(messages.get("devices.unlink"));
        unlink.setId("unlinkDevice-" + device.id());
        unlink.getStyleClass().add("danger");
        unlink.setMinWidth(Button.USE_PREF_SIZE);
        unlink.setOnAction(e -> confirmUnlink(device));
        row.getChildren().add(unlink);
        return row;
    }

    private void confirmUnlink(DeviceService.Device device) {
        ButtonType yes = new ButtonType(messages.get("devices.unlink"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("devices.link.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        String name = LinkDeviceView.printable(device.name());
        Alert alert = new Alert(Alert.AlertType.WARNING, messages.get(device.thisDevice()
                ? "devices.unlink.thisText" : "devices.unlink.text", name), yes, no);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        alert.setTitle(messages.get("devices.unlink"));
        alert.setHeaderText(messages.get("devices.unlink.header", name));
        alert.getDialogPane().setId("unlinkConfirmation");
        alert.resultProperty().addListener((obs, was, now) -> {
            if (yes.equals(now)) {
                vm.unlink(device);
            }
        });
        alert.show();
    }

    private void showRename(boolean show) {
        renameBox.setVisible(show);
        renameBox.setManaged(show);
    }

    private String time(Instant at) {
        return at == null || at.toEpochMilli() == 0 ? messages.get("devices.never") : dates.format(at);
    }
}
