package dev.parley.desktop.ui.main;

import java.util.Locale;

/** File sizes as people read them: bytes, KB, MB, GB (powers of 1,000, like the desktop's file managers). */
final class FileSizes {
    private FileSizes() {
    }

    static String format(long bytes, Locale locale) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1_000;
            unit++;
        }
        return String.format(locale, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
