package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.EmojiText;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;

/**
 * The reactions under a bubble: one chip per emoji with its count ("👍 2"), the user's own outlined. Hovering a chip
 * lists who reacted; clicking it opens that list, where the user's own entry removes their reaction.
 *
 * <p>A chat cell shows a different message on every scroll step, so the bar keeps its chips and changes their texts
 * and images in place (a new button is a new skin and a new round of CSS matching), and a chip's tooltip is made the
 * first time the pointer is over it, with the reactors as they are then.
 */
final class ReactionBar extends FlowPane {
    private static final double EMOJI_SIZE = 16;
    private static final PseudoClass MINE = PseudoClass.getPseudoClass("mine");
    private final UserMessages messages;
    private final Supplier<String> ownUsername;
    private final Consumer<MessageView> removeOwn;
    /** The chips made so far; the first {@code shownChips.size()} are in the bar. */
    private final List<ChipButton> made = new ArrayList<>();
    private List<ReactionChips.Chip> shownChips = List.of();
    private MessageView shown;

    ReactionBar(UserMessages messages, Supplier<String> ownUsername, Consumer<MessageView> removeOwn) {
        super(4, 4);
        this.messages = messages;
        this.ownUsername = ownUsername;
        this.removeOwn = removeOwn;
        getStyleClass().add("reaction-bar");
    }

    /** Whether {@code message} has reactions to show (a bar is added to a bubble only once one has). */
    static boolean hasAny(MessageView message) {
        return !message.reactions().isEmpty();
    }

    void show(MessageView message) {
        shown = message;
        List<ReactionChips.Chip> chips = ReactionChips.of(message.reactions(), ownUsername.get());
        setVisible(!chips.isEmpty());
        setManaged(!chips.isEmpty());
        if (chips.equals(shownChips)) {
            return;
        }
        while (made.size() < chips.size()) {
            made.add(new ChipButton());
        }
        for (int i = 0; i < chips.size(); i++) {
            made.get(i).show(chips.get(i));
        }
        if (getChildren().size() > chips.size()) {
            getChildren().remove(chips.size(), getChildren().size());
        }
        for (int i = getChildren().size(); i < chips.size(); i++) {
            getChildren().add(made.get(i));
        }
        shownChips = chips;
    }

    private ContextMenu who(ReactionChips.Chip chip) {
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

    private String whoText(ReactionChips.Chip chip) {
        List<String> names = chip.reactors().stream().map(this::displayName).toList();
        return messages.get("reactions.who", chip.emoji(), String.join(", ", names));
    }

    private String displayName(String reactor) {
        return reactor.equals(ownUsername.get()) ? messages.get("main.you") : reactor;
    }

    /** One chip, reused for whatever emoji the bar shows at its place. */
    private final class ChipButton extends Button {
        private ReactionChips.Chip chip;
        /** The emoji's image when the chip shows one (made once, its image changed after). */
        private ImageView image;

        ChipButton() {
            getStyleClass().add("reaction-chip");
            setFocusTraversable(false);
            setOnAction(e -> who(chip).show(this, Side.BOTTOM, 0, 2));
            // the tooltip is made on the first hover and its text set on every hover (the chip may show other
            // reactors by then); this handler runs before the tooltip's own, added later
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (getTooltip() == null) {
                    setTooltip(new Tooltip());
                }
                getTooltip().setText(whoText(chip));
            });
        }

        void show(ReactionChips.Chip next) {
            chip = next;
            String label = next.emoji() + " " + next.count();
            setAccessibleText(label);
            if (EmojiText.isSingleEmoji(next.emoji())) {
                if (image == null) {
                    image = EmojiText.view(next.emoji(), EMOJI_SIZE);
                } else {
                    EmojiText.show(image, next.emoji());
                }
                setText(Integer.toString(next.count()));
                setGraphic(image);
            } else {
                setText(label);
                setGraphic(null);
            }
            pseudoClassStateChanged(MINE, next.mine());
            if (getTooltip() != null) {
                getTooltip().setText(whoText(next));
            }
        }
    }
}
