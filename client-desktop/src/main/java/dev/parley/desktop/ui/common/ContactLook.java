package dev.parley.desktop.ui.common;

import java.util.Objects;
import java.util.Optional;
import javafx.scene.image.Image;

/**
 * How a contact looks wherever they appear (issue #14): the name to show (local nickname, else their display name,
 * else the username), their avatar (decoded off the FX thread), and their presence dot.
 *
 * @param shown    what to call them; the username when they shared nothing
 * @param named    whether {@code shown} is not just the username (then the username is shown next to it where
 *                 confusion is possible)
 * @param avatar   their avatar image, if they shared one
 * @param presence the presence dot
 */
public record ContactLook(String username, String shown, boolean named, Optional<Image> avatar, Presence presence) {
    /** The presence dot: none (not shared, or not a contact), online, or offline. */
    public enum Presence {
        NONE, ONLINE, OFFLINE
    }

    public ContactLook {
        Objects.requireNonNull(username);
        Objects.requireNonNull(shown);
        Objects.requireNonNull(avatar);
        Objects.requireNonNull(presence);
    }

    /** How someone looks before anything about them is loaded: the username and initials. */
    public static ContactLook plain(String username) {
        return new ContactLook(username, username, false, Optional.empty(), Presence.NONE);
    }

    /** Whether {@code lowerCaseFilter} (already lower-cased and stripped) is part of the shown name or the username. */
    public boolean matches(String lowerCaseFilter) {
        return TextMatch.containsIgnoringCase(shown, lowerCaseFilter)
                || TextMatch.containsIgnoringCase(username, lowerCaseFilter);
    }
}
