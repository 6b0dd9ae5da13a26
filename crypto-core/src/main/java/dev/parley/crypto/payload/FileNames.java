package dev.parley.crypto.payload;

import java.nio.charset.StandardCharsets;

/**
 * Makes a file name from a peer safe to show and to offer as a default name: never a path. Path separators, control
 * and format characters, and the characters Windows forbids become {@code _}; leading dots and spaces and trailing
 * dots and spaces go (no hidden files, no {@code ..}); Windows device names get a {@code _} prefix; the result is at
 * most {@value #MAX_BYTES} UTF-8 bytes and never empty ({@code "file"}).
 */
public final class FileNames {
    public static final int MAX_BYTES = 255;
    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final java.util.regex.Pattern DEVICE =
            java.util.regex.Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private FileNames() {
    }

    public static String sanitise(String name) {
        if (name == null) {
            return "file";
        }
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean unsafe = FORBIDDEN.indexOf(cp) >= 0 || Character.isISOControl(cp) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
            out.appendCodePoint(unsafe ? '_' : cp);
        });
        String cleaned = strip(out.toString());
        if (DEVICE.matcher(cleaned).matches()) {
            cleaned = "_" + cleaned;
        }
        cleaned = truncate(cleaned);
        return cleaned.isEmpty() ? "file" : cleaned;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Keeps the extension when the name is too long: shortens the part before it. */
    private static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String extension = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
        String base = extension.isEmpty() ? s : s.substring(0, dot);
        int budget = MAX_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return strip(kept + extension);
    }
}
