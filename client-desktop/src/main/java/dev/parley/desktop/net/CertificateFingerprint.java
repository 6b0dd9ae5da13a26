package dev.parley.desktop.net;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** The SHA-256 fingerprint of a certificate's DER encoding, as {@code openssl x509 -fingerprint -sha256} prints it. */
public final class CertificateFingerprint {
    private final byte[] sha256;

    private CertificateFingerprint(byte[] sha256) {
        this.sha256 = sha256;
    }

    /**
     * Parses 64 hex digits, optionally separated by colons, in either case.
     *
     * @throws IllegalArgumentException if the text is not a SHA-256 fingerprint
     */
    public static CertificateFingerprint parse(String text) {
        String hex = text.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("a certificate fingerprint is 64 hex digits (SHA-256)");
        }
        return new CertificateFingerprint(HexFormat.of().parseHex(hex));
    }

    public static CertificateFingerprint of(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The 32 bytes of the SHA-256 digest. */
    public byte[] bytes() {
        return sha256.clone();
    }

    public boolean matches(X509Certificate certificate) throws CertificateEncodingException {
        return MessageDigest.isEqual(sha256, of(certificate).sha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint other && Arrays.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    /** Colon-separated upper-case hex. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
    }
}
