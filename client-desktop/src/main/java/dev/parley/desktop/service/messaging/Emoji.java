package dev.parley.desktop.service.messaging;

import java.nio.charset.StandardCharsets;

/**
 * What counts as a reaction: one emoji, possibly a sequence (skin tone, ZWJ family, flag, keycap), at most
 * {@value #MAX_CODE_POINTS} code points and 64 UTF-8 bytes. Letters, digits on their own, spaces and controls are not.
 */
public final class Emoji {
    static final int MAX_CODE_POINTS = 16;
    private static final int ZWJ = 0x200D;
    private static final int KEYCAP = 0x20E3;

    private Emoji() {
    }

    public static boolean isEmoji(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.getBytes(StandardCharsets.UTF_8).length > 64
                || candidate.codePointCount(0, candidate.length()) > MAX_CODE_POINTS) {
            return false;
        }
        boolean pictograph = false;
        for (int cp : candidate.codePoints().toArray()) {
            int type = Character.getType(cp);
            if (type == Character.OTHER_SYMBOL || cp == KEYCAP) {
                pictograph = true;
            } else if (!isJoiner(cp, type)) {
                return false;
            }
        }
        return pictograph;
    }

    /** Parts of an emoji sequence that are not pictographs themselves. */
    private static boolean isJoiner(int cp, int type) {
        return cp == ZWJ
                || (cp >= 0xFE00 && cp <= 0xFE0F)            // variation selectors
                || (cp >= 0xE0020 && cp <= 0xE007F)          // tag sequences (subdivision flags)
                || type == Character.MODIFIER_SYMBOL         // skin tones
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || cp == '#' || cp == '*' || (cp >= '0' && cp <= '9'); // keycap bases, only with U+20E3
    }
}
