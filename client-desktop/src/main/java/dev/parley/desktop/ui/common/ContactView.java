package dev.parley.desktop.ui.common;

import java.util.Objects;

/**
 * A contact as the UI shows it.
 *
 * @param username        the contact's username
 * @param verified        the user compared safety numbers
 * @param identityChanged the identity key changed and the user has not acknowledged it: sending is blocked
 */
public record ContactView(String username, boolean verified, boolean identityChanged) {
    public ContactView {
        Objects.requireNonNull(username);
    }

    public boolean canSend() {
        return !identityChanged;
    }
}
