package dev.parley.crypto.wire;

import java.util.regex.Pattern;

/** The username rule shared by relay and client: 3 to 32 characters from {@code a-z 0-9 . _ -}, starting with a letter or digit. */
public final class Usernames {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private Usernames() {
    }

    public static boolean isValid(String username) {
        return username != null && VALID.matcher(username).matches();
    }
}
