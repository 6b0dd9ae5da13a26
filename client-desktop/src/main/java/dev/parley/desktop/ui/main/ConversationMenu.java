package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;

/**
 * The context menu of a conversation in the list (right click): delete the conversation, after a confirmation that
 * says its history leaves this computer.
 */
final class ConversationMenu {
    private final ConversationListViewModel list;
    private final UserMessages messages;

    ConversationMenu(ConversationListViewModel list, UserMessages messages) {
        this.list = Objects.requireNonNull(list);
        this.messages = Objects.requireNonNull(messages);
    }

    /** Gives {@code cell} the menu on a right click (Monocle and some platforms send no menu event of their own). */
    void attach(ListCell<ConversationItem> cell) {
        cell.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.SECONDARY && cell.getItem() != null) {
                menuFor(cell, cell.getItem().username()).show(cell, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    private ContextMenu menuFor(ListCell<ConversationItem> cell, String username) {
        ConversationItem item = cell.getItem();
        MenuItem mute = new MenuItem(messages.get(item.muted() ? "conversation.unmute" : "conversation.mute"));
        mute.setId("menuMuteConversation");
        mute.setOnAction(e -> list.setMuted(username, !item.muted()));
        MenuItem archive = new MenuItem(messages.get(item.archived() ? "conversation.unarchive" : "conversation.archive"));
        archive.setId("menuArchiveConversation");
        archive.setOnAction(e -> list.setArchived(username, !item.archived()));
        MenuItem delete = new MenuItem(messages.get("conversation.delete"));
        delete.setId("menuDeleteConversation");
        delete.setOnAction(e -> confirmDelete(cell, username));
        return new ContextMenu(mute, archive, new javafx.scene.control.SeparatorMenuItem(), delete);
    }

    /**
     * A group: one the user is still in asks whether to leave it too ("Leave and delete") or only delete its messages
     * and stay, as Signal does; one they left is deleted with its messages.
     */
    private void confirmDeleteGroup(ListCell<ConversationItem> cell, ConversationItem item) {
        String title = item.contact().shownName();
        boolean member = item.contact().group().active();
        // neither destructive choice is the default button: Enter does not leave a group by accident
        ButtonType leave = new ButtonType(messages.get("conversation.deleteGroup.leave"), ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(messages.get(member ? "conversation.deleteGroup.stay"
                : "conversation.delete.confirm"), member ? ButtonBar.ButtonData.OTHER : ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("link.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = member
                ? new Alert(Alert.AlertType.WARNING, messages.get("conversation.deleteGroup.text", title), leave, keep, cancel)
                : new Alert(Alert.AlertType.WARNING, messages.get("conversation.deleteGroup.leftText", title), keep, cancel);
        alert.initOwner(cell.getScene().getWindow());
        alert.setTitle(messages.get("conversation.delete"));
        alert.setHeaderText(messages.get("conversation.deleteGroup.header", title));
        alert.getDialogPane().setId("deleteConversation");
        alert.getDialogPane().getStylesheets().setAll(cell.getScene().getStylesheets());
        String username = item.username();
        alert.showAndWait().ifPresent(b -> {
            if (b == leave) {
                list.deleteConversation(username, true);
            } else if (b == keep) {
                list.deleteConversation(username, false);
            }
        });
    }

    private void confirmDelete(ListCell<ConversationItem> cell, String username) {
        if (cell.getItem() != null && cell.getItem().contact().isGroup()) {
            confirmDeleteGroup(cell, cell.getItem());
            return;
        }
        ButtonType delete = new ButtonType(messages.get("conversation.delete.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("link.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, messages.get("conversation.delete.text", username), delete,
                cancel);
        alert.initOwner(cell.getScene().getWindow());
        alert.setTitle(messages.get("conversation.delete"));
        alert.setHeaderText(messages.get("conversation.delete.header", username));
        alert.getDialogPane().setId("deleteConversation");
        alert.getDialogPane().getStylesheets().setAll(cell.getScene().getStylesheets());
        alert.showAndWait().filter(delete::equals).ifPresent(b -> list.deleteConversation(username));
    }
}
