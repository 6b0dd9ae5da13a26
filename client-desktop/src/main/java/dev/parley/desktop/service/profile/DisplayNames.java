package dev.parley.desktop.service.profile;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a display name or about line may look like before it is shown (issue #14): NFC-normalised, without bidi
 * controls or other invisible format and control characters (a zero-width joiner inside emoji stays), whitespace
 * collapsed, cut to a length in code points. A name that mixes scripts (Latin with Cyrillic, say: a look-alike of
 * another name) is shown with the username next to it.
 */
public final class DisplayNames {
    /** Most code points of a display name as shown. */
    public static final int MAX_NAME_CODE_POINTS = 64;
    /** Most code points of an about line as shown. */
    public static final int MAX_ABOUT_CODE_POINTS = 140;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private DisplayNames() {
    }

    /** The display name as it may be shown; empty if nothing visible is left. */
    public static String name(String raw) {
        return clean(raw, MAX_NAME_CODE_POINTS);
    }

    /** The about line as it may be shown; empty if nothing visible is left. */
    public static String about(String raw) {
        return clean(raw, MAX_ABOUT_CODE_POINTS);
    }

    /**
     * Whether a (cleaned) name mixes letters of more than one script, as look-alikes do ("Раypal": Cyrillic and
     * Latin). Such a name is never shown without the username.
     */
    public static boolean mixesScripts(String name) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        name.codePoints().filter(Character::isLetter).forEach(cp -> {
            UnicodeScript script = UnicodeScript.of(cp);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                scripts.add(script);
            }
        });
        return scripts.size() > 1;
    }

    /** How a contact is named on screen: the name, with the username next to it where confusion is possible. */
    public static String shown(String cleanName, String username) {
        if (cleanName.isEmpty()) {
            return username;
        }
        return mixesScripts(cleanName) ? cleanName + " (@" + username + ")" : cleanName;
    }

    /** Cleans {@code raw} (see the class comment), cut to {@code maxCodePoints}. */
    public static String clean(String raw, int maxCodePoints) {
        if (raw == null) {
            return "";
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(Math.min(nfc.length(), 1024));
        boolean pendingSpace = false;
        int kept = 0;
        for (int i = 0; i < nfc.length() && kept < maxCodePoints; ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (!visible(cp)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                kept++;
                pendingSpace = false;
                if (kept == maxCodePoints) {
                    break;
                }
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString().strip();
    }

    /** False for controls, bidi and other format characters (but the joiner of emoji sequences), and unassigned ones. */
    private static boolean visible(int cp) {
        int type = Character.getType(cp);
        if (cp == ZERO_WIDTH_JOINER) {
            return true;
        }
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
