package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.TimeLabels;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** "Edit history": every text a message had, the original first, each with when its author wrote it. */
final class EditHistoryDialog {
    private EditHistoryDialog() {
    }

    static void show(Node owner, List<UiServices.Version> versions, TimeLabels times, UserMessages messages) {
        VBox list = new VBox(10);
        list.getStyleClass().add("edit-history");
        for (int i = 0; i < versions.size(); i++) {
            UiServices.Version v = versions.get(i);
            String which = i == 0 ? messages.get("message.history.original")
                    : i == versions.size() - 1 ? messages.get("message.history.current") : messages.get("message.history.edit");
            Label when = new Label(which + " \u00B7 " + times.dayDivider(v.writtenAt().atZone(times.zone()).toLocalDate())
                    + " " + times.time(v.writtenAt()));
            when.getStyleClass().add("hint");
            Label text = new Label(v.text());
            text.setWrapText(true);
            text.getStyleClass().add("edit-history-text");
            list.getChildren().add(new VBox(2, when, text));
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(420);
        scroll.setPrefViewportHeight(Math.min(360, 60.0 * versions.size() + 20));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(messages.get("message.history.title"));
        dialog.setHeaderText(null);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().setId("editHistory");
        dialog.show();
    }
}
