package dev.parley.desktop.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmojiTest {

    @Test
    void singleEmojiAndEmojiSequencesAreReactions() {
        for (String emoji : new String[] {"👍", "❤️", "👩‍👩‍👧", "🇫🇷", "1️⃣", "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "©", "🎉"}) {
            assertThat(Emoji.isEmoji(emoji)).as(emoji).isTrue();
        }
    }

    @Test
    void textSpacesDigitsControlsAndLongRunsAreNot() {
        for (String text : new String[] {"", "a", "ok", " ", "\u3000", "1", "#", "👍 👍", "👍\n", "\u0000", "e\u0301",
                "🎉".repeat(17), "x".repeat(1024)}) {
            assertThat(Emoji.isEmoji(text)).as(text).isFalse();
        }
        assertThat(Emoji.isEmoji(null)).isFalse();
    }
}
