package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.UserMessages;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import dev.parley.desktop.ui.common.EmojiText;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * A small emoji picker in a popup: a search field (by Unicode name), the recently used emoji, and the catalogue.
 * Choosing one hides the popup and hands the emoji on; Escape or a click outside hides it.
 */
final class EmojiPicker {
    private static final double WIDTH = 316;
    private static final double EMOJI_SIZE = 22;
    private final UserMessages messages;
    private final Popup popup = new Popup();
    private final TextField search = new TextField();
    private final Label recentTitle = new Label();
    private final FlowPane recent = grid();
    private final FlowPane results = grid();
    private final Label none = new Label();
    private Consumer<String> chosen = e -> { };

    EmojiPicker(UserMessages messages) {
        this.messages = Objects.requireNonNull(messages);
        search.setPromptText(messages.get("emoji.search"));
        search.setId("emojiSearch");
        search.textProperty().addListener((obs, was, now) -> fill(results, EmojiCatalogue.search(now)));
        search.setOnAction(e -> EmojiCatalogue.search(search.getText()).stream().findFirst().ifPresent(this::choose));
        recentTitle.setText(messages.get("emoji.recent"));
        recentTitle.getStyleClass().add("hint");
        none.setText(messages.get("emoji.none"));
        none.getStyleClass().add("hint");
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(results.getChildren()));
        none.managedProperty().bind(none.visibleProperty());
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(190);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("emoji-scroll");
        Label all = new Label(messages.get("emoji.all"));
        all.getStyleClass().add("hint");
        VBox box = new VBox(6, search, recentTitle, recent, all, none, scroll);
        box.getStyleClass().setAll("root", "emoji-picker");
        box.setPrefWidth(WIDTH);
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                e.consume();
            }
        });
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        fill(results, EmojiCatalogue.all());
    }

    /** Shows the picker below {@code anchor}; {@code onChosen} gets the emoji the user picks. */
    void show(Node anchor, List<String> recentEmoji, Consumer<String> onChosen) {
        chosen = Objects.requireNonNull(onChosen);
        search.clear();
        fill(recent, recentEmoji);
        recentTitle.setVisible(!recentEmoji.isEmpty());
        recentTitle.setManaged(!recentEmoji.isEmpty());
        recent.setVisible(!recentEmoji.isEmpty());
        recent.setManaged(!recentEmoji.isEmpty());
        Node root = popup.getContent().get(0);
        // a popup has its own scene: give it the window's styles and theme
        ((VBox) root).getStylesheets().setAll(anchor.getScene().getStylesheets());
        anchor.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-"))
                .findFirst().ifPresent(theme -> root.getStyleClass().setAll("root", "emoji-picker", theme));
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        popup.show(anchor, b.getMinX(), b.getMaxY() + 4);
        search.requestFocus();
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    private void choose(String emoji) {
        popup.hide();
        chosen.accept(emoji);
    }

    private void fill(FlowPane pane, List<String> emoji) {
        pane.getChildren().setAll(emoji.stream().map(this::button).toList());
    }

    private Button button(String emoji) {
        Button b = new Button(emoji);
        if (EmojiText.isSingleEmoji(emoji)) {
            b.setGraphic(EmojiText.view(emoji, EMOJI_SIZE));
            b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }
        b.getStyleClass().add("emoji-button");
        b.setFocusTraversable(false);
        String name = EmojiCatalogue.name(emoji);
        if (!name.isEmpty()) {
            b.setTooltip(new Tooltip(name));
        }
        b.setOnAction(e -> choose(emoji));
        return b;
    }

    private static FlowPane grid() {
        FlowPane pane = new FlowPane(2, 2);
        pane.setPrefWrapLength(WIDTH - 24);
        return pane;
    }
}
