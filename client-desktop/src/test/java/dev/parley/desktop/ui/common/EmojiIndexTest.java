package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled colour emoji index (docs/fonts.md, "Colour emoji"): what counts as one emoji, and every image exists. */
class EmojiIndexTest {
    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA";
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    private static final String KEYCAP_ONE = "1\uFE0F\u20E3";

    private final EmojiIndex index = EmojiIndex.bundled();

    @Test
    void coversUnicode15() {
        assertThat(index.size()).isGreaterThan(4_000);
        assertThat(index.imageResource("\uD83E\uDEE8")).as("U+1FAE8 shaking face, Unicode 15").isPresent();
        assertThat(index.imageResource("\uD83E\uDD72")).as("U+1F972, which Symbola lacks").isPresent();
    }

    @Test
    void everyIndexedImageIsInTheJar() throws Exception {
        try (InputStream in = EmojiIndex.class.getResourceAsStream(EmojiIndex.DIR + "index.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String stem = line.split(" ")[1];
                assertThat(EmojiIndex.class.getResource(EmojiIndex.DIR + stem + ".png")).as(stem).isNotNull();
            }
        }
    }

    @Test
    void sequencesAreOneEmojiNotTheirParts() {
        List<EmojiIndex.Run> runs = index.split("hi " + THUMBS_UP_MEDIUM + FLAG_DE + " " + FAMILY + "!" + KEYCAP_ONE);
        assertThat(runs).containsExactly(new EmojiIndex.Run("hi ", false), new EmojiIndex.Run(THUMBS_UP_MEDIUM, true),
                new EmojiIndex.Run(FLAG_DE, true), new EmojiIndex.Run(" ", false), new EmojiIndex.Run(FAMILY, true),
                new EmojiIndex.Run("!", false), new EmojiIndex.Run(KEYCAP_ONE, true));
    }

    @Test
    void textSymbolsStayText() {
        for (String text : List.of("Parley\u2122 \u00A9 2026 \u00AE", "A \u2194 B", "call 1 # 2 * 3", "", "plain")) {
            assertThat(index.hasEmoji(text)).as(text).isFalse();
            assertThat(index.split(text)).allMatch(run -> !run.emoji());
        }
        assertThat(index.hasEmoji("\u2764")).as("a heart without U+FE0F is still an emoji").isTrue();
        assertThat(index.hasEmoji("\u00A9\uFE0F")).as("(c) with the emoji selector is an emoji").isTrue();
    }

    @Test
    void splittingKeepsEveryCharacter() {
        String text = "a\uD83D\uDE00b" + FAMILY.substring(0, 3) + "\uD800x" + FLAG_DE.substring(0, 2) + "\uD83C";
        StringBuilder joined = new StringBuilder();
        index.split(text).forEach(run -> joined.append(run.text()));
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void aMalformedIndexLineIsSkipped() throws Exception {
        EmojiIndex small = EmojiIndex.read(new ByteArrayInputStream(
                "1f600 1f600\nnot a line at all\n\nzz zz\n1f44d 1f44d\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.imageResource("\uD83D\uDE00")).contains(EmojiIndex.DIR + "1f600.png");
    }
}
