package dev.parley.desktop.profile;

import java.util.regex.Pattern;

/**
 * The name of a profile, which is also its directory name: 1 to 32 characters of lower-case ASCII letters, digits,
 * '_' and '-', starting with a letter or digit. This excludes path separators, "..", ';' and names that collide on
 * case-insensitive file systems.
 */
public record ProfileName(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** @throws InvalidProfileNameException if the name is not valid */
    public ProfileName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidProfileNameException(
                    "a profile name is 1 to 32 of a-z, 0-9, '_' and '-', starting with a letter or digit");
        }
    }

    /** Whether {@code value} is a valid profile name. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
