package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.EmojiIndex;
import java.util.List;

/** How large emoji are drawn in a bubble: text size normally, large when the message is only one to three emoji. */
final class BubbleEmoji {
    /** Emoji height next to 14 px text. */
    static final double INLINE = 18;
    /** Emoji height in a message of one to three emoji and nothing else. */
    static final double LARGE = 40;
    private static final int LARGE_UP_TO = 3;

    private BubbleEmoji() {
    }

    static double sizeFor(String text) {
        List<EmojiIndex.Run> runs = EmojiIndex.bundled().split(text.strip());
        long emoji = runs.stream().filter(EmojiIndex.Run::emoji).count();
        boolean onlyEmoji = emoji > 0 && emoji <= LARGE_UP_TO
                && runs.stream().allMatch(run -> run.emoji() || run.text().isBlank());
        return onlyEmoji ? LARGE : INLINE;
    }
}
