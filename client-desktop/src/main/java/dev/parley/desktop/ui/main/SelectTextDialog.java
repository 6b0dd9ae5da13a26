package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.UserMessages;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;

/**
 * "Select text": the message's text in a read-only text area, all of it selected, so the user can select any part
 * and copy it with Ctrl+C (bubbles are labels, which cannot be selected).
 */
final class SelectTextDialog {
    private SelectTextDialog() {
    }

    static void show(Node owner, String text, UserMessages messages) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setId("selectableText");
        area.setPrefColumnCount(40);
        area.setPrefRowCount((int) Math.max(3, Math.min(14, text.lines().count() + text.length() / 60)));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(messages.get("message.select.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(area);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setId("selectText");
        dialog.setOnShown(e -> Platform.runLater(() -> {
            area.requestFocus();
            area.selectAll();
        }));
        dialog.show();
    }
}
