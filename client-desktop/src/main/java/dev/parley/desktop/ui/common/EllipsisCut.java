package dev.parley.desktop.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rule that shortens a line that does not fit, for labels that draw emoji as images and so cannot use the
 * label's own ellipsis ({@link EmojiLabels}): the longest run of whole units (characters, or one emoji sequence each)
 * from the start that fits together with "…" and the text's tail (a file name's extension), as in
 * "very-long-na….pdf"; without the tail if not even one unit fits with it; "…" alone if nothing else fits. Widths come
 * from a function, so the rule is tested without fonts.
 */
public final class EllipsisCut {
    public static final String ELLIPSIS = "\u2026";
    /** The longest extension kept visible (".docx", ".tar.gz" is kept as ".gz"). */
    static final int MAX_EXTENSION_CHARS = 8;

    private EllipsisCut() {
    }

    /**
     * {@code text} if it fits in {@code available}, else its shortened form (see the class comment) keeping the last
     * {@code tailUnits} units; {@code units} are {@code text}'s units in order.
     */
    public static String cut(List<String> units, int tailUnits, double available, ToDoubleFunction<String> width) {
        String whole = String.join("", units);
        if (width.applyAsDouble(whole) <= available) {
            return whole;
        }
        int tail = Math.max(0, Math.min(tailUnits, units.size() - 1));
        List<String> head = units.subList(0, units.size() - tail);
        String withTail = longestPrefix(head, ELLIPSIS + String.join("", units.subList(units.size() - tail,
                units.size())), available, width);
        if (withTail != null) {
            return withTail;
        }
        String plain = tail == 0 ? null : longestPrefix(units, ELLIPSIS, available, width);
        return plain != null ? plain : ELLIPSIS;
    }

    /**
     * How many units at the end of a file name are its extension: the dot and up to {@value #MAX_EXTENSION_CHARS}
     * letters or digits after the last dot (not a leading dot), else 0.
     */
    public static int extensionUnits(List<String> units) {
        int n = 0;
        for (int i = units.size() - 1; i > 0 && n <= MAX_EXTENSION_CHARS; i--) {
            String unit = units.get(i);
            if (unit.equals(".")) {
                return n == 0 ? 0 : n + 1;
            }
            if (unit.codePointCount(0, unit.length()) != 1 || !Character.isLetterOrDigit(unit.codePointAt(0))) {
                return 0;
            }
            n++;
        }
        return 0;
    }

    /** {@code text}'s units: each code point of plain text, and each emoji sequence with an image as one unit. */
    public static List<String> units(String text, EmojiIndex index) {
        List<String> units = new ArrayList<>();
        for (EmojiIndex.Run run : index.split(text)) {
            if (run.emoji()) {
                units.add(run.text());
            } else {
                run.text().codePoints().forEach(cp -> units.add(new String(Character.toChars(cp))));
            }
        }
        return units;
    }

    /** The longest prefix of at least one unit that fits with {@code suffix}, trailing spaces dropped; or null. */
    private static String longestPrefix(List<String> units, String suffix, double available,
                                        ToDoubleFunction<String> width) {
        int fits = 0;
        int low = 1;
        int high = units.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (width.applyAsDouble(join(units, mid) + suffix) <= available) {
                fits = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return fits == 0 ? null : join(units, fits) + suffix;
    }

    private static String join(List<String> units, int n) {
        return String.join("", units.subList(0, n)).stripTrailing();
    }
}
