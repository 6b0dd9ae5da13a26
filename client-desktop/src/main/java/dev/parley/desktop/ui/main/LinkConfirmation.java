package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;

/**
 * A link in a message opens in the browser only after the user saw its full URL and confirmed: a link's text can
 * hide where it leads, and opening it tells that site the user's address. Parley shows no link previews (fetching
 * one would tell the site before the user chose to go there).
 */
final class LinkConfirmation {
    private final DesktopHooks desktop;
    private final UserMessages messages;

    LinkConfirmation(DesktopHooks desktop, UserMessages messages) {
        this.desktop = Objects.requireNonNull(desktop);
        this.messages = Objects.requireNonNull(messages);
    }

    void confirmAndOpen(Node owner, String url) {
        ButtonType open = new ButtonType(messages.get("link.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("link.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", open, cancel);
        alert.initOwner(owner.getScene().getWindow());
        alert.setTitle(messages.get("link.title"));
        alert.setHeaderText(messages.get("link.header"));
        Label full = new Label(url);
        full.setWrapText(true);
        full.setId("linkUrl");
        full.getStyleClass().add("link-url");
        full.setMaxWidth(460);
        alert.getDialogPane().setContent(full);
        alert.getDialogPane().setId("linkConfirmation");
        alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        alert.showAndWait().filter(open::equals).ifPresent(b -> desktop.openLink(url));
    }
}
