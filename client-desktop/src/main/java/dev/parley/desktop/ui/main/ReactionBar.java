package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Side;
import dev.parley.desktop.ui.common.EmojiText;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The reactions under a bubble: one chip per emoji with its count ("👍 2"), the user's own outlined. Hovering a chip
 * lists who reacted; clicking it opens that list, where the user's own entry removes their reaction.
 */
final class ReactionBar extends FlowPane {
    private static final double EMOJI_SIZE = 16;
    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    private final UserMessages messages;
    private final Supplier<String> ownUsername;
    private final Consumer<MessageView> removeOwn;
    private MessageView shown;

    ReactionBar(UserMessages messages, Supplier<String> ownUsername, Consumer<MessageView> removeOwn) {
        super(4, 4);
        this.messages = messages;
        this.ownUsername = ownUsername;
        this.removeOwn = removeOwn;
        getStyleClass().add("reaction-bar");
    }

    void show(MessageView message) {
        shown = message;
        List<ReactionChips.Chip> chips = ReactionChips.of(message.reactions(), ownUsername.get());
        setVisible(!chips.isEmpty());
        setManaged(!chips.isEmpty());
        getChildren().setAll(chips.stream().map(this::chip).toList());
    }

    private Button chip(ReactionChips.Chip chip) {
        Button b = new Button(chip.emoji() + " " + chip.count());
        b.setAccessibleText(b.getText());
        if (EmojiText.isSingleEmoji(chip.emoji())) {
            b.setText(Integer.toString(chip.count()));
            b.setGraphic(EmojiText.view(chip.emoji(), EMOJI_SIZE));
        }
        b.getStyleClass().add("reaction-chip");
        b.pseudoClassStateChanged(MINE, chip.mine());
        b.setFocusTraversable(false);
        List<String> names = chip.reactors().stream().map(this::displayName).toList();
        b.setTooltip(new Tooltip(messages.get("reactions.who", chip.emoji(), String.join(", ", names))));
        b.setOnAction(e -> who(b, chip).show(b, Side.BOTTOM, 0, 2));
        return b;
    }

    private ContextMenu who(Button anchor, ReactionChips.Chip chip) {
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add("reactors-menu");
        MessageView message = shown;
        for (String reactor : chip.reactors()) {
            boolean own = reactor.equals(ownUsername.get());
            MenuItem item = new MenuItem(chip.emoji() + "  " + (own ? messages.get("reactions.youRemove") : reactor));
            if (own) {
                item.setId("removeOwnReaction");
                item.setOnAction(e -> removeOwn.accept(message));
            } else {
                item.setDisable(true);
            }
            menu.getItems().add(item);
        }
        return menu;
    }

    private String displayName(String reactor) {
        return reactor.equals(ownUsername.get()) ? messages.get("main.you") : reactor;
    }
}
