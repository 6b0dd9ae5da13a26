package dev.parley.crypto.identity;

import java.nio.charset.StandardCharsets;

/**
 * A peer's relay username, by which clients address each other and stores key their records: 1 to 64 Unicode code
 * points, no control characters, so at most {@value #MAX_UTF8_BYTES} bytes of UTF-8.
 * {@link #toString()} is redacted for logs; use {@link #value()} for display.
 */
public record Username(String value) {
    public static final int MAX_CODE_POINTS = 64;
    public static final int MAX_UTF8_BYTES = 4 * MAX_CODE_POINTS;

    public Username {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("username: 1 to 64 characters expected");
        }
        int codePoints = value.codePointCount(0, value.length());
        if (codePoints > MAX_CODE_POINTS) {
            throw new IllegalArgumentException("username: 1 to 64 characters expected");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c)
                || Character.getType(c) == Character.SURROGATE)) {
            throw new IllegalArgumentException("username: control or unpaired surrogate characters are not allowed");
        }
    }

    /** UTF-8 encoding, 1 to {@value #MAX_UTF8_BYTES} bytes. */
    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** A log-safe hint: first character and length. */
    @Override
    public String toString() {
        return "Username[" + value.substring(0, Character.charCount(value.codePointAt(0))) + "…, "
                + value.codePointCount(0, value.length()) + " chars]";
    }
}
