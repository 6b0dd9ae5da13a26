package dev.parley.desktop.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;

/**
 * Text with colour emoji for JavaFX, which cannot draw colour emoji fonts: emoji become inline images (Noto Color
 * Emoji, docs/fonts.md) inside a {@link javafx.scene.text.TextFlow}, the rest stays {@link Text}. Images load in the
 * background (never on the FX thread) and are shared through a bounded cache.
 */
public final class EmojiText {
    /** Decoded images kept: 40x40 ARGB is 6.4 KB, so at most about 3 MB. */
    private static final int CACHED_IMAGES = 512;
    private static final Map<String, Image> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
                    return size() > CACHED_IMAGES;
                }
            });

    private EmojiText() {
    }

    /**
     * Nodes showing {@code text}: {@link Text} runs with {@code textStyleClass}, and an {@link ImageView} of
     * {@code emojiSize} pixels for each emoji that has an image (its accessible text is the emoji itself).
     */
    public static List<Node> nodes(String text, String textStyleClass, double emojiSize) {
        List<Node> nodes = new ArrayList<>();
        for (EmojiIndex.Run run : EmojiIndex.bundled().split(text)) {
            if (run.emoji()) {
                nodes.add(view(run.text(), emojiSize));
            } else {
                Text plain = new Text(run.text());
                plain.getStyleClass().add(textStyleClass);
                nodes.add(plain);
            }
        }
        return nodes;
    }

    /** An image view of one emoji sequence that has an image (see {@link EmojiIndex#imageResource}). */
    public static ImageView view(String emoji, double size) {
        ImageView view = new ImageView(image(emoji));
        view.setFitHeight(size);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setAccessibleText(emoji);
        view.getStyleClass().add("emoji");
        return view;
    }

    /**
     * Shows {@code emoji} (one that has an image) in {@code view}, one made by {@link #view}: a reused view (a chat
     * cell's reaction chip) changes its image instead of a new node being made and styled.
     */
    public static void show(ImageView view, String emoji) {
        view.setImage(image(emoji));
        view.setAccessibleText(emoji);
    }

    /** Whether {@code emoji} is exactly one emoji that has an image. */
    public static boolean isSingleEmoji(String emoji) {
        return EmojiIndex.bundled().imageResource(emoji).isPresent();
    }

    private static Image image(String emoji) {
        String resource = EmojiIndex.bundled().imageResource(emoji)
                .orElseThrow(() -> new IllegalArgumentException("no image for this emoji"));
        return CACHE.computeIfAbsent(resource,
                r -> new Image(EmojiText.class.getResource(r).toExternalForm(), true));
    }
}
