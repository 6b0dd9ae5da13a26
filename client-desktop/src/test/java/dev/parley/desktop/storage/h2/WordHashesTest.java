package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WordHashes}' ASCII path hashes as it scans; the stored search keys require it to give exactly what the
 * tokenizer's words hash to ({@link WordHashes#ofTokens}), or a removed message would leave keys behind.
 */
class WordHashesTest {
    @Test
    void asciiTextGivesTheTokenizersHashes() {
        String[] texts = {
            "Hello, World! hello again", "a b c de", "x", "", "   ", "UPPER lower MiXeD 42 4x4 x9",
            "tab\tnew\nline\rcr", "under_score dash-word dot.word at@word", "\u0000nul\u0001ctrl\u007fdel",
            "a".repeat(31) + " " + "b".repeat(32) + " " + "c".repeat(33) + " " + "D".repeat(100),
            "0123456789012345678901234567890123456789", "the the THE The tHe", "lonemi guhilolo",
        };
        for (String text : texts) {
            assertThat(WordHashes.of(text)).as("%s", text).isEqualTo(WordHashes.ofTokens(text));
        }
    }

    @Test
    void randomAsciiTextGivesTheTokenizersHashes() {
        Random random = new Random(12);
        String alphabet = "aAbBzZ09 .,;:!?'\"-_\t\n()[]{}@#";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(128)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
                if (random.nextInt(40) == 0) {
                    text.append("w".repeat(random.nextInt(40)));
                }
            }
            String s = text.toString();
            assertThat(WordHashes.of(s)).as("%s", s).isEqualTo(WordHashes.ofTokens(s));
        }
    }

    @Test
    void otherTextGoesThroughTheTokenizer() {
        for (String text : new String[] {"caf\u00e9 CAF\u00c9", "\uff21\uff22 full width", "\u00bd half", "Stra\u00dfe",
            "emoji \ud83d\ude00 ok", "\u0130stanbul"}) {
            assertThat(WordHashes.of(text)).as("%s", text).isEqualTo(WordHashes.ofTokens(text));
        }
        assertThat(WordHashes.of(null)).isEmpty();
    }
}
