package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.DesktopHooks;
import dev.parley.desktop.ui.common.MessageView;
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
 * remove the reaction, copy the text. Only actions that work are offered.
 */
final class MessageMenu {
    private final MessageActionsViewModel actions;
    private final UserMessages messages;
    private final DesktopHooks desktop;
    private final EmojiPicker picker;
    private ContextMenu open;

    MessageMenu(MessageActionsViewModel actions, UserMessages messages, DesktopHooks desktop) {
        this.actions = Objects.requireNonNull(actions);
        this.messages = Objects.requireNonNull(messages);
        this.desktop = Objects.requireNonNull(desktop);
        this.picker = new EmojiPicker(messages);
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
                picker.show(anchor, actions.recentEmoji(), emoji -> actions.react(message, emoji))));
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
        return menu;
    }

    EmojiPicker picker() {
        return picker;
    }
}
