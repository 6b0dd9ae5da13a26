package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * "Message info": when the message was sent, accepted by the relay, delivered and read, as far as this device knows
 * ("not yet" or "unknown" otherwise: receipts can be turned off or lost). For the user's own group message: "Delivered
 * to N of M", "Read by N of M" and each member with the time its delivery and read receipts arrived. The content follows
 * the {@link MessageInfoViewModel} while the dialog is open, so a receipt that arrives meanwhile shows at once.
 */
final class MessageInfoDialog {
    private MessageInfoDialog() {
    }

    static void show(Node owner, MessageInfoViewModel vm, TimeLabels times, UserMessages messages) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        grid.getStyleClass().add("message-info");
        fill(grid, vm.infoProperty().get(), times, messages);
        Dialog<Void> dialog = new Dialog<>();
        ChangeListener<UiServices.Info> follow = (obs, was, now) -> {
            if (now != null) {
                fill(grid, now, times, messages);
                // a time replacing "not yet" is wider: the window grows with it rather than cutting it short
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        vm.infoProperty().addListener(follow);
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(messages.get("message.info.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setId("messageInfo");
        dialog.setOnHidden(e -> {
            vm.infoProperty().removeListener(follow);
            vm.closed();
        });
        dialog.show();
    }

    private static void fill(GridPane grid, UiServices.Info info, TimeLabels times, UserMessages messages) {
        grid.getChildren().clear();
        int row = 0;
        row = add(grid, row, "message.info.sent", Optional.of(info.sentAt()), times, messages, "");
        if (info.outgoing() && !info.members().isEmpty()) {
            row = add(grid, row, "message.info.relay", info.relayAcceptedAt(), times, messages, "message.info.notYet");
            row = count(grid, row, "deliveredTo", messages.get("message.info.deliveredTo", info.deliveredTo(),
                    info.members().size()));
            row = count(grid, row, "readBy", messages.get("message.info.readBy", info.readBy(), info.members().size()));
            members(grid, row, info, times, messages);
        } else if (info.outgoing()) {
            row = add(grid, row, "message.info.relay", info.relayAcceptedAt(), times, messages, "message.info.notYet");
            row = add(grid, row, "message.info.delivered", info.deliveredAt(), times, messages, "message.info.unknown");
            add(grid, row, "message.info.read", info.readAt(), times, messages, "message.info.unknown");
        } else if (!info.system()) {
            row = add(grid, row, "message.info.received", info.deliveredAt(), times, messages, "message.info.unknown");
            add(grid, row, "message.info.readHere", info.readAt(), times, messages, "message.info.notYet");
        }
    }

    private static int add(GridPane grid, int row, String key, Optional<Instant> at, TimeLabels times,
                           UserMessages messages, String missingKey) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("field-label");
        Label value = new Label(at.map(t -> when(t, times)).orElseGet(() -> messages.get(missingKey)));
        value.setId("info-" + key.substring(key.lastIndexOf('.') + 1));
        grid.addRow(row, name, value);
        return row + 1;
    }

    private static int count(GridPane grid, int row, String id, String text) {
        Label value = new Label(text);
        value.setId("info-" + id);
        value.getStyleClass().add("message-info-count");
        grid.add(value, 0, row, 3, 1);
        return row + 1;
    }

    /** A heading row (member, delivered, read) and one row per member, times or "not yet". */
    private static void members(GridPane grid, int row, UiServices.Info info, TimeLabels times, UserMessages messages) {
        Label member = new Label(messages.get("message.info.member"));
        Label delivered = new Label(messages.get("message.info.delivered"));
        Label read = new Label(messages.get("message.info.read"));
        for (Label heading : new Label[] {member, delivered, read}) {
            heading.getStyleClass().add("field-label");
        }
        grid.addRow(row++, member, delivered, read);
        for (UiServices.MemberState m : info.members()) {
            Label name = new Label(m.member());
            name.setId("info-member-" + m.member());
            Label got = new Label(m.delivered().map(t -> when(t, times)).orElseGet(() -> messages.get("message.info.notYet")));
            got.setId("info-delivered-" + m.member());
            Label seen = new Label(m.read().map(t -> when(t, times)).orElseGet(() -> messages.get("message.info.notYet")));
            seen.setId("info-read-" + m.member());
            grid.addRow(row++, name, got, seen);
        }
    }

    private static String when(Instant t, TimeLabels times) {
        return times.dayDivider(t.atZone(times.zone()).toLocalDate()) + " " + times.time(t);
    }
}
