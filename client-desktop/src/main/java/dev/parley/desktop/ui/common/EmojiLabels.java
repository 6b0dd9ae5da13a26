package dev.parley.desktop.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Labels that show emoji in colour. A plain {@link Label} draws emoji with its font, and JavaFX draws no colour emoji
 * font (docs/fonts.md): they came out as boxes, or at best as monochrome Symbola glyphs (none in bold, none newer than
 * Unicode 9). These labels draw each emoji as the bundled image ({@link EmojiText}) and keep text without emoji as
 * ordinary label text (ellipsis and all).
 */
public final class EmojiLabels {
    private static final String TEXT_CLASS = "emoji-label-text";

    private EmojiLabels() {
    }

    /** A label showing one emoji as the bundled image (its text if there is no image), {@code size} pixels high. */
    public static Label single(String emoji, double size) {
        Label label = new Label();
        if (EmojiText.isSingleEmoji(emoji)) {
            label.setGraphic(EmojiText.view(emoji, size));
            label.setAccessibleText(emoji);
        } else {
            label.setText(emoji);
        }
        return label;
    }

    /**
     * Shows {@code text} on {@code label}: as its text when it has no emoji; otherwise as one line of text runs (in the
     * label's own font and colour) and emoji images of {@code emojiSize} pixels, cut at the label's edge (a
     * {@link TextFlow} has no ellipsis). The label's accessible text is the whole text either way.
     */
    public static void show(Label label, String text, double emojiSize) {
        if (!EmojiIndex.bundled().hasEmoji(text)) {
            if (label.getGraphic() instanceof TextFlow) {
                label.setGraphic(null);
                label.setClip(null);
            }
            label.setText(text);
            label.setAccessibleText(null);
            return;
        }
        TextFlow line = new TextFlow();
        for (Node node : EmojiText.nodes(text, TEXT_CLASS, emojiSize)) {
            if (node instanceof Text run) {
                run.fontProperty().bind(label.fontProperty());
                run.fillProperty().bind(label.textFillProperty());
            }
            line.getChildren().add(node);
        }
        line.setMaxWidth(Double.MAX_VALUE);
        line.setMinWidth(0);
        label.setText(null);
        label.setGraphic(line);
        label.setAccessibleText(text);
        if (label.getClip() == null) {
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(label.widthProperty());
            clip.heightProperty().bind(label.heightProperty());
            label.setClip(clip);
        }
    }

    /** The text {@code label} shows, whether as its text or as emoji images with text ({@link #show}). */
    public static String shownText(Label label) {
        return label.getGraphic() instanceof TextFlow && label.getAccessibleText() != null ? label.getAccessibleText()
                : label.getText();
    }
}
