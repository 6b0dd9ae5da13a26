package dev.parley.desktop.net;

import java.io.IOException;
import java.util.Objects;

/**
 * The relay answered, but its TLS certificate is not the pinned one: either the relay rotated its certificate or
 * something between the client and the relay impersonates it. Carries the fingerprint that was served (public data) so
 * that the user can compare it with the one the relay's operator publishes.
 */
public final class CertificateMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient CertificateFingerprint served;

    public CertificateMismatchException(CertificateFingerprint served, Throwable cause) {
        super("the relay's certificate does not match the pinned fingerprint", cause);
        this.served = Objects.requireNonNull(served);
    }

    /** The SHA-256 fingerprint of the certificate the relay presented. */
    public CertificateFingerprint served() {
        return served;
    }
}
