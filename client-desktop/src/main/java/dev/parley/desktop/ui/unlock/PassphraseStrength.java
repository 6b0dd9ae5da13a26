package dev.parley.desktop.ui.unlock;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A quick, offline estimate of how hard a passphrase is to guess, for the feedback bar on the create-profile
 * screen. It estimates entropy from length and character classes, and discounts repeats, sequences and very
 * common passwords. It is feedback, not a guarantee; Argon2id does the real work.
 */
public enum PassphraseStrength {
    EMPTY(0), TOO_SHORT(0), WEAK(1), FAIR(2), GOOD(3), STRONG(4);

    /** The shortest passphrase we accept. */
    public static final int MIN_LENGTH = 8;

    private static final Set<String> COMMON = Set.of("password", "passw0rd", "12345678", "123456789", "qwertyui",
            "iloveyou", "letmein1", "sunshine", "princess", "football", "baseball", "welcome1", "admin123",
            "abcdefgh", "11111111", "00000000", "qwerty123", "password1", "trustno1", "parleyparley");

    private final int bars;

    PassphraseStrength(int bars) {
        this.bars = bars;
    }

    /** How many of the four meter bars to fill. */
    public int bars() {
        return bars;
    }

    /** Whether a profile may be created with a passphrase of this strength. */
    public boolean acceptable() {
        return compareTo(FAIR) >= 0;
    }

    /** Rates {@code passphrase} (not retained). */
    public static PassphraseStrength of(CharSequence passphrase) {
        int length = passphrase == null ? 0 : passphrase.length();
        if (length == 0) {
            return EMPTY;
        }
        if (length < MIN_LENGTH) {
            return TOO_SHORT;
        }
        String lower = passphrase.toString().toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return WEAK;
        }
        double bits = entropyBits(passphrase);
        if (bits < 36) {
            return WEAK;
        }
        if (bits < 50) {
            return FAIR;
        }
        if (bits < 70) {
            return GOOD;
        }
        return STRONG;
    }

    /** Length x log2(alphabet), counting repeated or sequential characters at a quarter. */
    static double entropyBits(CharSequence s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean space = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (c == ' ') {
                space = true;
            } else {
                other = true;
            }
        }
        int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (space ? 1 : 0) + (other ? 33 : 0);
        double perChar = Math.log(Math.max(alphabet, 2)) / Math.log(2);
        double effective = 0;
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean predictable = i > 0 && (c == s.charAt(i - 1) || c == s.charAt(i - 1) + 1 || c == s.charAt(i - 1) - 1);
            boolean fresh = seen.add(c);
            effective += predictable ? 0.25 : fresh ? 1.0 : 0.75;
        }
        return effective * perChar;
    }
}
