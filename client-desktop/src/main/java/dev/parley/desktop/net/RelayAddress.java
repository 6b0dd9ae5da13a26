package dev.parley.desktop.net;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a relay listens, and for {@code wss} the pinned SHA-256 fingerprint of its certificate.
 *
 * @param uri         a {@code ws://} or {@code wss://} URI
 * @param certificate the pinned certificate; required for wss, absent for ws
 */
public record RelayAddress(URI uri, Optional<CertificateFingerprint> certificate) {
    public RelayAddress {
        Objects.requireNonNull(uri);
        Objects.requireNonNull(certificate);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("relay address must start with ws:// or wss://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("relay address has no host");
        }
        if (scheme.equals("wss") && certificate.isEmpty()) {
            throw new IllegalArgumentException("a wss relay needs a pinned certificate fingerprint");
        }
        if (scheme.equals("ws") && certificate.isPresent()) {
            throw new IllegalArgumentException("a certificate fingerprint makes sense only with wss");
        }
    }

    /** Parses a URI and an optional fingerprint (64 hex digits, colons allowed). */
    public static RelayAddress parse(String uri, String fingerprintOrNull) {
        try {
            return new RelayAddress(URI.create(uri.strip()),
                    Optional.ofNullable(fingerprintOrNull).map(CertificateFingerprint::parse));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid relay address: " + e.getMessage(), e);
        }
    }

    public boolean secure() {
        return certificate.isPresent();
    }
}
