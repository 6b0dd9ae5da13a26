package dev.parley.desktop.ui.unlock;

import dev.parley.crypto.wire.Usernames;
import java.util.Optional;

/**
 * Explains, as the user types, why a username would be refused, using the rule the relay enforces
 * ({@link Usernames}), so the user learns it before any network round trip.
 */
public final class UsernameFeedback {
    private UsernameFeedback() {
    }

    /** Empty when {@code name} is acceptable, else the i18n key of the reason. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("username.required");
        }
        if (name.length() < Usernames.MIN_LENGTH) {
            return Optional.of("username.tooShort");
        }
        if (name.length() > Usernames.MAX_LENGTH) {
            return Optional.of("username.tooLong");
        }
        if (!Usernames.isValid(name)) {
            return Optional.of("username.invalid");
        }
        return Optional.empty();
    }
}
