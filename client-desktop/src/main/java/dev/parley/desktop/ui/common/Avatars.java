package dev.parley.desktop.ui.common;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Initials and a stable colour index for a contact's avatar. Pure functions; no toolkit. */
public final class Avatars {
    /** How many avatar colours the stylesheet defines (pseudo-classes {@code .avatar:colour-0} ... {@code .avatar:colour-7}). */
    public static final int PALETTE_SIZE = 8;

    private Avatars() {
    }

    /**
     * One or two upper-case letters: the first letters of the first two words ("ada lovelace" gives "AL"), or of
     * separators in a username ("ada.lovelace", "ada_l"), else the first letter; "?" for a blank name.
     */
    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = name.trim().split("[\\s._-]+");
        StringBuilder sb = new StringBuilder(2);
        for (String word : words) {
            if (!word.isEmpty() && sb.length() < 2) {
                sb.appendCodePoint(word.codePointAt(0));
            }
        }
        if (sb.length() == 0) {
            sb.appendCodePoint(name.trim().codePointAt(0));
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** A colour index in [0, {@link #PALETTE_SIZE}) that is the same for a name on every run. */
    public static int colorIndex(String name) {
        int h = 0;
        for (byte b : (name == null ? "" : name).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + (b & 0xff);
        }
        return Math.floorMod(h, PALETTE_SIZE);
    }
}
