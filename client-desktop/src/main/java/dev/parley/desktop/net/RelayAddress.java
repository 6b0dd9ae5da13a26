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
        if (scheme.equals("ws") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("plain ws:// is allowed only for a relay on this computer (127.0.0.1, ::1 "
                    + "or localhost); use wss:// with the relay's certificate fingerprint");
        }
    }

    /** Loopback by its text alone (no name lookup): {@code localhost}, 127.0.0.0/8 or ::1. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.matches("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}")) {
            return true;
        }
        if (h.contains(":") && h.matches("[0-9a-fA-F:]+")) {
            try {
                return java.net.InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
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

    private static final String PIN_FRAGMENT = "sha256=";

    /** One line for storage: the URI, with the pinned fingerprint as a {@code #sha256=} fragment for wss. */
    public String toText() {
        String base = uri.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        String plain = base;
        return certificate.map(pin -> plain + "#" + PIN_FRAGMENT + pin.toString().replace(":", "")).orElse(base);
    }

    /** The inverse of {@link #toText()}. */
    public static RelayAddress fromText(String text) {
        int hash = text.indexOf('#');
        if (hash >= 0 && text.startsWith(PIN_FRAGMENT, hash + 1)) {
            return parse(text.substring(0, hash), text.substring(hash + 1 + PIN_FRAGMENT.length()));
        }
        return parse(text, null);
    }

    public boolean secure() {
        return certificate.isPresent();
    }
}
