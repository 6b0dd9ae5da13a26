package dev.parley.desktop.ui.common;

import java.util.Objects;

/**
 * One person's reaction to a message as the UI shows it.
 *
 * @param reactor the username of who reacted (this profile's own username for the user's reaction)
 * @param emoji   the emoji
 */
public record ReactionView(String reactor, String emoji) {
    public ReactionView {
        Objects.requireNonNull(reactor);
        Objects.requireNonNull(emoji);
    }

    @Override
    public String toString() {
        return "ReactionView[" + emoji + "]";
    }
}
