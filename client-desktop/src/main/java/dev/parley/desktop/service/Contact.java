package dev.parley.desktop.service;

import java.util.Objects;

/**
 * A contact as the UI shows it.
 *
 * @param username the contact's username on the relay
 * @param trust    the trust state of the contact's identity key
 */
public record Contact(String username, TrustState trust) {
    public Contact {
        Objects.requireNonNull(username);
        Objects.requireNonNull(trust);
    }

    /** Whether messages may be sent to this contact now. */
    public boolean canSend() {
        return trust != TrustState.IDENTITY_CHANGED;
    }
}
