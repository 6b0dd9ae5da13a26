package dev.parley.desktop.ui.main;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The emoji the picker offers, searchable by their Unicode names (from the JDK's character database, so no data file
 * ships with Parley): "heart" finds every heart, "thumbs" the thumbs.
 */
final class EmojiCatalogue {
    private static final int[] CODE_POINTS = {
        0x1F44D, 0x2764, 0x1F602, 0x1F62E, 0x1F622, 0x1F64F, 0x1F600, 0x1F601, 0x1F603, 0x1F604, 0x1F605, 0x1F606,
        0x1F609, 0x1F60A, 0x1F60B, 0x1F60D, 0x1F60E, 0x1F60F, 0x1F610, 0x1F612, 0x1F613, 0x1F614, 0x1F615, 0x1F618,
        0x1F61B, 0x1F61C, 0x1F61E, 0x1F620, 0x1F621, 0x1F623, 0x1F624, 0x1F625, 0x1F628, 0x1F629, 0x1F62A, 0x1F62D,
        0x1F631, 0x1F632, 0x1F633, 0x1F634, 0x1F637, 0x1F642, 0x1F644, 0x1F914, 0x1F917, 0x1F923,
        0x1F44E, 0x1F44C, 0x1F44F, 0x1F64C, 0x1F4AA, 0x1F44B, 0x270C, 0x1F91E, 0x1F440,
        0x1F494, 0x1F495, 0x1F496, 0x1F499, 0x1F49A, 0x1F49B, 0x1F49C, 0x1F5A4,
        0x1F525, 0x2728, 0x1F389, 0x1F382, 0x1F381, 0x2B50, 0x1F31F, 0x1F680, 0x1F4AF, 0x2705, 0x274C, 0x2753,
        0x2757, 0x1F4A1, 0x1F4A9, 0x1F480, 0x1F47B, 0x1F916, 0x1F436, 0x1F431, 0x1F98A, 0x1F43C, 0x1F355, 0x2615,
        0x1F37A, 0x1F377, 0x1F34E, 0x1F3B5, 0x26BD, 0x1F3C6, 0x1F4F7, 0x1F4BB, 0x1F4F1, 0x1F512, 0x1F511, 0x2600,
        0x1F308, 0x2601, 0x26A1, 0x2744, 0x1F30D,
    };
    private static final List<String> ALL = Arrays.stream(CODE_POINTS).mapToObj(Character::toString).toList();

    private EmojiCatalogue() {
    }

    static List<String> all() {
        return ALL;
    }

    /** The emoji's Unicode name in lower case, for the tooltip and the search; "" if the JDK does not know it. */
    static String name(String emoji) {
        String name = Character.getName(emoji.codePointAt(0));
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    /** The emoji whose name contains every word of {@code query} (case-insensitive); all of them for a blank query. */
    static List<String> search(String query) {
        String[] words = query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (query.isBlank()) {
            return ALL;
        }
        return ALL.stream().filter(e -> {
            String name = name(e);
            return Arrays.stream(words).allMatch(name::contains);
        }).toList();
    }
}
