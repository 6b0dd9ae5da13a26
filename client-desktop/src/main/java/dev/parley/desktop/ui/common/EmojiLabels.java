package dev.parley.desktop.ui.common;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Labels that show emoji in colour. A plain {@link Label} draws emoji with its font, and JavaFX draws no colour emoji
 * font (docs/fonts.md): they came out as boxes, or at best as monochrome Symbola glyphs (none in bold, none newer than
 * Unicode 9). These labels draw each emoji as the bundled image ({@link EmojiText}) and keep text without emoji as
 * ordinary label text (ellipsis and all). A line with emoji that does not fit ends in "…" ({@link EllipsisCut}), and
 * a file name keeps its extension visible ("very-long-na….pdf", with or without emoji).
 */
public final class EmojiLabels {
    private static final String TEXT_CLASS = "emoji-label-text";
    private static final Object SHOWN = new Object();
    private static final Object LISTENING = new Object();
    /** Slack for rounding between the measured runs and the laid-out line. */
    private static final double SLACK = 1;

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
     * label's own font and colour) and emoji images of {@code emojiSize} pixels, ending in "…" when it does not fit the
     * label's width. The label's accessible text is the whole text either way.
     */
    public static void show(Label label, String text, double emojiSize) {
        show(label, text, emojiSize, false);
    }

    /**
     * As {@link #show}, for a file name: one that does not fit is cut before its extension ("very-long-na….pdf"),
     * whether or not it has emoji.
     */
    public static void showFileName(Label label, String name, double emojiSize) {
        show(label, name, emojiSize, true);
    }

    private static void show(Label label, String text, double emojiSize, boolean fileName) {
        boolean emoji = EmojiIndex.bundled().hasEmoji(text);
        if (!emoji && !fileName) {
            forget(label);
            label.setText(text);
            label.setAccessibleText(null);
            return;
        }
        List<String> units = EllipsisCut.units(text, EmojiIndex.bundled());
        Shown shown = new Shown(text, units, fileName ? EllipsisCut.extensionUnits(units) : 0, emoji, emojiSize);
        label.getProperties().put(SHOWN, shown);
        if (!label.getProperties().containsKey(LISTENING)) {
            label.getProperties().put(LISTENING, Boolean.TRUE);
            InvalidationListener again = o -> render(label);
            label.widthProperty().addListener(again);
            label.fontProperty().addListener(again);
        }
        label.setTextOverrun(OverrunStyle.CLIP);
        label.setAccessibleText(text);
        label.setMinWidth(0);
        if (emoji && label.getClip() == null) {
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(label.widthProperty());
            clip.heightProperty().bind(label.heightProperty());
            label.setClip(clip);
        }
        render(label);
    }

    /** Shows the label's text cut to its width (the whole text before the first layout). */
    private static void render(Label label) {
        if (!(label.getProperties().get(SHOWN) instanceof Shown shown)) {
            return;
        }
        Font font = label.getFont();
        Insets insets = label.getInsets();
        double sides = insets.getLeft() + insets.getRight();
        label.setPrefWidth(Math.ceil(width(shown.text(), font, shown.emojiSize()) + sides + SLACK));
        String line = label.getWidth() <= 0 ? shown.text() : EllipsisCut.cut(shown.units(), shown.tailUnits(),
                label.getWidth() - sides - SLACK, s -> width(s, font, shown.emojiSize()));
        if (line.equals(shown.line())) {
            return;
        }
        shown.line(line);
        if (!shown.emoji()) {
            label.setGraphic(null);
            label.setText(line);
            return;
        }
        TextFlow flow = new TextFlow();
        for (Node node : EmojiText.nodes(line, TEXT_CLASS, shown.emojiSize())) {
            if (node instanceof Text run) {
                run.fontProperty().bind(label.fontProperty());
                run.fillProperty().bind(label.textFillProperty());
            }
            flow.getChildren().add(node);
        }
        flow.setMaxWidth(Double.MAX_VALUE);
        flow.setMinWidth(0);
        label.setText(null);
        label.setGraphic(flow);
    }

    /** The width of {@code text} in {@code font}, each emoji an image {@code emojiSize} wide. */
    static double width(String text, Font font, double emojiSize) {
        double width = 0;
        for (EmojiIndex.Run run : EmojiIndex.bundled().split(text)) {
            if (run.emoji()) {
                width += emojiSize;
            } else {
                Text measured = new Text(run.text());
                measured.setFont(font);
                width += measured.getLayoutBounds().getWidth();
            }
        }
        return width;
    }

    private static void forget(Label label) {
        if (label.getProperties().remove(SHOWN) == null) {
            return;
        }
        if (label.getGraphic() instanceof TextFlow) {
            label.setGraphic(null);
        }
        label.setClip(null);
        label.setPrefWidth(Region.USE_COMPUTED_SIZE);
        label.setMinWidth(Region.USE_COMPUTED_SIZE);
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
    }

    /** The text {@code label} shows in full, whether as its text or as emoji images with text ({@link #show}). */
    public static String shownText(Label label) {
        return label.getProperties().get(SHOWN) instanceof Shown shown ? shown.text() : label.getText();
    }

    /** What {@link #show} put on a label: the whole text, its units, and the line shown at the label's width. */
    private static final class Shown {
        private final String text;
        private final List<String> units;
        private final int tailUnits;
        private final boolean emoji;
        private final double emojiSize;
        private String line;

        Shown(String text, List<String> units, int tailUnits, boolean emoji, double emojiSize) {
            this.text = text;
            this.units = units;
            this.tailUnits = tailUnits;
            this.emoji = emoji;
            this.emojiSize = emojiSize;
        }

        String text() {
            return text;
        }

        List<String> units() {
            return units;
        }

        int tailUnits() {
            return tailUnits;
        }

        boolean emoji() {
            return emoji;
        }

        double emojiSize() {
            return emojiSize;
        }

        String line() {
            return line;
        }

        void line(String shownLine) {
            line = shownLine;
        }
    }
}
