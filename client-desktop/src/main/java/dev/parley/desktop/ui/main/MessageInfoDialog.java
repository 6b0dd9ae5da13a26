package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.time.Instant;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * "Message info": when the message was sent, accepted by the relay, delivered and read, as far as this device knows
 * ("not yet" or "unknown" otherwise: receipts can be turned off or lost).
 */
final class MessageInfoDialog {
    private MessageInfoDialog() {
    }

    static void show(Node owner, UiServices.Info info, TimeLabels times, UserMessages messages) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        grid.getStyleClass().add("message-info");
        int row = 0;
        row = add(grid, row, "message.info.sent", Optional.of(info.sentAt()), times, messages, "");
        if (info.outgoing()) {
            row = add(grid, row, "message.info.relay", info.relayAcceptedAt(), times, messages, "message.info.notYet");
            row = add(grid, row, "message.info.delivered", info.deliveredAt(), times, messages, "message.info.unknown");
            add(grid, row, "message.info.read", info.readAt(), times, messages, "message.info.unknown");
        } else if (!info.system()) {
            row = add(grid, row, "message.info.received", info.deliveredAt(), times, messages, "message.info.unknown");
            add(grid, row, "message.info.readHere", info.readAt(), times, messages, "message.info.notYet");
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(messages.get("message.info.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setId("messageInfo");
        dialog.show();
    }

    private static int add(GridPane grid, int row, String key, Optional<Instant> at, TimeLabels times,
                           UserMessages messages, String missingKey) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("field-label");
        Label value = new Label(at.map(t -> times.dayDivider(t.atZone(times.zone()).toLocalDate()) + " " + times.time(t))
                .orElseGet(() -> messages.get(missingKey)));
        value.setId("info-" + key.substring(key.lastIndexOf('.') + 1));
        grid.addRow(row, name, value);
        return row + 1;
    }
}
