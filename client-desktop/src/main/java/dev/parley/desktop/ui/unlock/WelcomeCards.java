package dev.parley.desktop.ui.unlock;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

/**
 * The parts the first screens (onboarding, unlock) build the same way, in code: they are what a user waits for when
 * Parley starts, and building them in code skips loading FXML (docs/benchmarks.md, "Startup").
 */
final class WelcomeCards {
    /** A speech bubble: onboarding's mark. */
    static final String BUBBLE = "M4 3h14a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3h-7l-5 4v-4H4a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z";
    /** A padlock: the unlock screen's mark. */
    static final String PADLOCK = "M6 10V7a6 6 0 0 1 12 0v3h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h1zm2 0h8V7"
            + "a4 4 0 0 0-8 0v3z";

    private WelcomeCards() {
    }

    /** The card (a VBox of {@code width}, its rows 14 px apart). */
    static VBox card(double width) {
        VBox card = new VBox(14);
        card.getStyleClass().add("card");
        card.setPrefWidth(width);
        card.setMaxWidth(width);
        return card;
    }

    /** The card's first row: the mark ({@code svg}, scaled) and the title. */
    static HBox brand(String svg, double scale, String title) {
        SVGPath mark = new SVGPath();
        mark.getStyleClass().add("brand-mark");
        mark.setContent(svg);
        mark.setScaleX(scale);
        mark.setScaleY(scale);
        HBox row = new HBox(12, mark, styled(new Label(title), "brand"));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A field with its label above it (the label names {@code field} for screen readers and mnemonics). */
    static VBox field(String label, Control field, Node... below) {
        Label name = styled(new Label(label), "field-label");
        name.setLabelFor(field);
        VBox box = new VBox(5, name, field);
        box.getChildren().addAll(below);
        return box;
    }

    /** {@code node} with the style class {@code styleClass}. */
    static <N extends Node> N styled(N node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }

    /** {@code node} with the id {@code id} (what the style sheet and the UI tests look up). */
    static <N extends Node> N id(N node, String id) {
        node.setId(id);
        return node;
    }
}
