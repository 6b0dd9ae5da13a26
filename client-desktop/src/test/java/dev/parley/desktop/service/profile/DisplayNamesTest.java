package dev.parley.desktop.service.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue #14: display names are normalised, stripped of invisible controls, cut, and look-alikes flagged. */
class DisplayNamesTest {

    @Test
    void bidiOverridesAndOtherInvisibleControlsAreRemoved() {
        // "\u202E" (right-to-left override) would show "gpj.exe" backwards; isolates, marks and controls likewise
        assertThat(DisplayNames.name("Alice \u202Egnp.exe")).isEqualTo("Alice gnp.exe");
        assertThat(DisplayNames.name("\u2066Bob\u2069\u200F\u200E\u061C\u0007\u0000")).isEqualTo("Bob");
        assertThat(DisplayNames.name("Zero\u200Bwidth\uFEFF")).isEqualTo("Zerowidth");
        assertThat(DisplayNames.name("\u202E\u202D\u200B")).isEmpty();
    }

    @Test
    void namesAreNfcNormalisedAndWhitespaceCollapsed() {
        assertThat(DisplayNames.name("Zoe\u0308")).isEqualTo("Zo\u00EB");
        assertThat(DisplayNames.name("  Ann \t\n  Lee  ")).isEqualTo("Ann Lee");
    }

    @Test
    void emojiSequencesKeepTheirJoiner() {
        assertThat(DisplayNames.name("Fam \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67")).isEqualTo("Fam 👩‍👩‍👧");
    }

    @Test
    void tenThousandCharactersAreCutToTheLimitWithoutSplittingACodePoint() {
        assertThat(DisplayNames.name("a".repeat(10_000))).hasSize(DisplayNames.MAX_NAME_CODE_POINTS);
        String emoji = "😀".repeat(10_000);
        String cut = DisplayNames.name(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(DisplayNames.MAX_NAME_CODE_POINTS);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
        assertThat(DisplayNames.about("b".repeat(10_000))).hasSize(DisplayNames.MAX_ABOUT_CODE_POINTS);
    }

    @Test
    void aNameMixingScriptsIsShownWithTheUsername() {
        String lookalike = "\u0420\u0430ypal"; // Cyrillic "Ра" + Latin "ypal"
        assertThat(DisplayNames.mixesScripts(lookalike)).isTrue();
        assertThat(DisplayNames.shown(lookalike, "mallory")).isEqualTo(lookalike + " (@mallory)");
        assertThat(DisplayNames.shown("Paypal", "paypal")).isEqualTo("Paypal");
        assertThat(DisplayNames.shown("Алиса", "alice")).as("one script, even a non-Latin one").isEqualTo("Алиса");
        assertThat(DisplayNames.shown("Ann 2 🎉", "ann")).isEqualTo("Ann 2 🎉");
        assertThat(DisplayNames.shown("", "ann")).isEqualTo("ann");
    }
}
