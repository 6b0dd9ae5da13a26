package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.TimeLabels;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The context menu of a message bubble (right click, or the Menu key / Shift+F10 on the selected message): react,
 * remove the reaction, copy the text, edit and delete for everyone (own messages, within the author's window), edit
 * history (edited messages), delete for me. Only actions that apply to the message are offered.
 */
final class MessageMenu {
    private final MessageActionsViewModel actions;
    private final UserMessages messages;
    private final DesktopHooks desktop;
    /** Made at its first use: its hundred-odd emoji buttons are not worth building before the main window shows. */
    private EmojiPicker picker;
    private final TimeLabels times;
    private final LinkConfirmation links;
    private ContextMenu open;

    MessageMenu(MessageActionsViewModel actions, UserMessages messages, DesktopHooks desktop, TimeLabels times) {
        this.actions = Objects.requireNonNull(actions);
        this.messages = Objects.requireNonNull(messages);
        this.desktop = Objects.requireNonNull(desktop);
        this.times = Objects.requireNonNull(times);
        this.links = new LinkConfirmation(desktop, messages);
    }

    /** A link in a bubble was clicked: open it after the user confirmed its full URL. */
    void openLink(Node bubble, String url) {
        links.confirmAndOpen(bubble, url);
    }

    /** The Menu key or Shift+F10 on the chat list: the selected message's menu, at its bubble. */
    void keyPressed(KeyEvent e, ListView<ChatRow> list) {
        boolean menuKey = e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown();
        ChatRow selected = list.getSelectionModel().getSelectedItem();
        if (!menuKey || !(selected instanceof ChatRow.MessageRow)) {
            return;
        }
        e.consume();
        int index = list.getSelectionModel().getSelectedIndex();
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ChatRowCell && ((ChatRowCell) n).getIndex() == index) {
                Node bubble = ((ChatRowCell) n).bubbleIfMessage();
                if (bubble != null) {
                    Bounds b = bubble.localToScreen(bubble.getBoundsInLocal());
                    show(((ChatRow.MessageRow) selected).message(), bubble, b.getMinX() + 12, b.getMaxY());
                }
                return;
            }
        }
    }

    /** Shows the menu for {@code message} at the screen point, over {@code anchor} (the bubble). */
    void show(MessageView message, Node anchor, double screenX, double screenY) {
        if (open != null) {
            open.hide();
        }
        open = menuFor(message, anchor);
        open.show(anchor, screenX, screenY);
    }

    ContextMenu menuFor(MessageView message, Node anchor) {
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("message-menu");
        if (!message.deleted()) {
            menu.getItems().add(item("message.reply", "menuReply", () -> actions.startReply(message)));
            addReactAndCopy(menu, message, anchor);
        }
        if (actions.canEdit(message)) {
            menu.getItems().add(item("message.edit", "menuEdit", () -> actions.startEdit(message)));
        }
        if (message.edited() && !message.deleted()) {
            menu.getItems().add(item("message.history", "menuHistory", () -> actions.editHistory(message,
                    versions -> EditHistoryDialog.show(anchor, versions, times, messages))));
        }
        if (!message.deleted()) {
            menu.getItems().add(item("message.info", "menuInfo", () -> actions.messageInfo().open(message.id(),
                    () -> MessageInfoDialog.show(anchor, actions.messageInfo(), times, messages))));
        }
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(item("message.deleteForMe", "menuDeleteForMe", () -> actions.deleteForMe(message)));
        if (actions.canDeleteForEveryone(message)) {
            menu.getItems().add(item("message.deleteForEveryone", "menuDeleteForEveryone",
                    () -> actions.deleteForEveryone(message)));
        }
        return menu;
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void addReactAndCopy(ContextMenu menu, MessageView message, Node anchor) {
        Optional<String> own = actions.ownReaction(message);
        Menu react = new Menu(messages.get("message.react"));
        react.setId("menuReact");
        for (String emoji : MessageActionsViewModel.QUICK_REACTIONS) {
            MenuItem item = new MenuItem(own.filter(emoji::equals).isPresent() ? emoji + "  \u2713" : emoji);
            item.getStyleClass().add("quick-reaction");
            item.setOnAction(e -> actions.react(message, emoji));
            react.getItems().add(item);
        }
        MenuItem more = new MenuItem(messages.get("message.react.more"));
        more.setId("menuReactMore");
        // after the menu has gone: a popup shown while the menu closes is closed with it
        more.setOnAction(e -> javafx.application.Platform.runLater(() ->
                picker().show(anchor, actions.recentEmoji(), emoji -> actions.react(message, emoji))));
        react.getItems().addAll(new SeparatorMenuItem(), more);
        menu.getItems().add(react);
        if (own.isPresent()) {
            MenuItem remove = new MenuItem(messages.get("message.react.remove", own.get()));
            remove.setId("menuRemoveReaction");
            remove.setOnAction(e -> actions.removeReaction(message));
            menu.getItems().add(remove);
        }
        MenuItem copy = new MenuItem(messages.get("message.copy"));
        copy.setId("menuCopy");
        copy.setOnAction(e -> desktop.copyText(message.text()));
        menu.getItems().add(copy);
        menu.getItems().add(item("message.select", "menuSelectText",
                () -> SelectTextDialog.show(anchor, message.text(), messages)));
    }

    EmojiPicker picker() {
        if (picker == null) {
            picker = new EmojiPicker(messages);
        }
        return picker;
    }
}
