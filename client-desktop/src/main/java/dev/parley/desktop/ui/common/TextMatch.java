package dev.parley.desktop.ui.common;

/** Case-insensitive text matching for filters that run on every keystroke over many rows. */
public final class TextMatch {
    private TextMatch() {
    }

    /**
     * Whether {@code text} contains {@code lowerCaseNeedle} (already lower-cased), ignoring case, compared in place:
     * no lower-cased copy of {@code text} is made.
     */
    public static boolean containsIgnoringCase(String text, String lowerCaseNeedle) {
        int n = lowerCaseNeedle.length();
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            if (text.regionMatches(true, i, lowerCaseNeedle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
