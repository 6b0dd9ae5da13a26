package dev.parley.desktop.ui.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * The relay a profile runs on this computer, as the settings screen shows it.
 *
 * @param address     the address others connect to, for example {@code ws://127.0.0.1:8443/parley}
 * @param fingerprint the SHA-256 fingerprint of its TLS certificate, to pin; empty when it serves plain WebSocket
 */
public record EmbeddedRelay(String address, Optional<String> fingerprint) {
    public EmbeddedRelay {
        Objects.requireNonNull(address);
        Objects.requireNonNull(fingerprint);
    }
}
