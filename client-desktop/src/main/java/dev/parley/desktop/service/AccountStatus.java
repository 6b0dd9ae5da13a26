package dev.parley.desktop.service;

import dev.parley.desktop.net.RelayAddress;
import java.util.Objects;

/**
 * The local account.
 *
 * @param username    the profile's username
 * @param relay       the relay the account uses
 * @param fingerprint the identity public key in hex (not a secret; for support and comparison)
 */
public record AccountStatus(String username, RelayAddress relay, String fingerprint) {
    public AccountStatus {
        Objects.requireNonNull(username);
        Objects.requireNonNull(relay);
        Objects.requireNonNull(fingerprint);
    }
}
