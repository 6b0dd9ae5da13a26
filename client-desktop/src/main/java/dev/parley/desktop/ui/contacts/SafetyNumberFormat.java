package dev.parley.desktop.ui.contacts;

import java.util.ArrayList;
import java.util.List;

/** Splits a safety number into the groups of five digits the screen shows in a grid. Pure. */
public final class SafetyNumberFormat {
    private SafetyNumberFormat() {
    }

    /**
     * The digit groups of {@code digits}: every run of digits, whatever separates them, chunked by five.
     *
     * @throws IllegalArgumentException if the text contains something other than digits and whitespace
     */
    public static List<String> groups(String digits) {
        String compact = digits.replaceAll("\\s+", "");
        if (!compact.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a safety number contains only digits");
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < compact.length(); i += 5) {
            groups.add(compact.substring(i, Math.min(compact.length(), i + 5)));
        }
        return groups;
    }
}
