package dev.parley.desktop.service;

import dev.parley.desktop.net.RelayAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The local account.
 *
 * @param username     the registered username; empty until registered
 * @param relay        the relay the account is registered with; empty until registered
 * @param fingerprint  a short, shareable fingerprint of the identity key (not a secret)
 */
public record AccountInfo(Optional<String> username, Optional<RelayAddress> relay, String fingerprint) {
    public AccountInfo {
        Objects.requireNonNull(username);
        Objects.requireNonNull(relay);
        Objects.requireNonNull(fingerprint);
    }
}
