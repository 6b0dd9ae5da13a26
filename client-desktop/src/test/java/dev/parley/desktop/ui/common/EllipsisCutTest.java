package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * #13: a long name ends in "…" and keeps its extension visible, emoji counted whole. Widths here: 1 per character,
 * 2 per emoji (written as "E1", "E2" units), so the rule is checked without fonts.
 */
class EllipsisCutTest {
    private static final ToDoubleFunction<String> WIDTH = s -> s.replaceAll("E\\d", "##").length();

    @Test
    void aNameThatFitsIsShownWhole() {
        assertThat(cut("report.pdf", 10, true)).isEqualTo("report.pdf");
    }

    @Test
    void aLongNameIsCutBeforeItsExtension() {
        assertThat(cut("very-long-name-of-a-file.pdf", 17, true)).isEqualTo("very-long-na\u2026.pdf");
        assertThat(WIDTH.applyAsDouble("very-long-na\u2026.pdf")).isEqualTo(17);
    }

    @Test
    void emojiAreCutWholeAndTrailingSpacesDropped() {
        // "E1 party E2 planning.txt": in 13 the emoji E2 does not fit, and the space before it goes; in 16 it does
        List<String> units = units("E1 party E2 planning.txt");
        assertThat(EllipsisCut.extensionUnits(units)).isEqualTo(4);
        assertThat(EllipsisCut.cut(units, 4, 13, WIDTH)).isEqualTo("E1 party\u2026.txt");
        assertThat(EllipsisCut.cut(units, 4, 16, WIDTH)).isEqualTo("E1 party E2\u2026.txt");
    }

    @Test
    void withoutRoomForTheExtensionTheEndIsCutAndAtLeastTheEllipsisShows() {
        assertThat(cut("abcdefgh.document", 6, true)).isEqualTo("abcde\u2026");
        assertThat(cut("abcdefgh", 0.5, true)).isEqualTo("\u2026");
        assertThat(cut("a conversation preview that is long", 10, false)).isEqualTo("a convers\u2026");
    }

    @Test
    void onlyAShortAlphanumericEndingAfterADotIsAnExtension() {
        assertThat(EllipsisCut.extensionUnits(units("notes.txt"))).isEqualTo(4);
        assertThat(EllipsisCut.extensionUnits(units(".bashrc"))).isZero();
        assertThat(EllipsisCut.extensionUnits(units("archive.tar.gz"))).isEqualTo(3);
        assertThat(EllipsisCut.extensionUnits(units("no extension"))).isZero();
        assertThat(EllipsisCut.extensionUnits(units("trailing."))).isZero();
        assertThat(EllipsisCut.extensionUnits(units("name.averyverylongending"))).isZero();
        assertThat(EllipsisCut.extensionUnits(units("photo.E1"))).isZero();
    }

    private static String cut(String text, double available, boolean fileName) {
        List<String> units = units(text);
        return EllipsisCut.cut(units, fileName ? EllipsisCut.extensionUnits(units) : 0, available, WIDTH);
    }

    /** Each character a unit, "E" and a digit one emoji unit. */
    private static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == 'E' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                units.add(text.substring(i, i + 2));
                i++;
            } else {
                units.add(text.substring(i, i + 1));
            }
        }
        return units;
    }
}
