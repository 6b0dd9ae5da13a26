package dev.parley.desktop.storage;

/** Validation shared by the identifier values of the store. */
final class Identifiers {
    private Identifiers() {
    }

    /** Non-blank, at most {@code maxLength} chars, no control characters; the message names only the kind. */
    static String check(String value, String kind, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(kind + " must be 1 to " + maxLength + " characters and not blank");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(kind + " must not contain control characters");
            }
        }
        return value;
    }
}
