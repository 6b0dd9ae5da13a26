package dev.parley.crypto.wire;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * Certificate pinning for relays with a self-signed certificate. The pin is the SHA-256 of the leaf certificate's
 * DER encoding written as upper-case hex pairs joined by ':' (as the relay prints it at start-up). A client trusts
 * exactly the certificate whose fingerprint equals the pin, and nothing else:
 *
 * <pre>{@code
 * SSLContext tls = SSLContext.getInstance("TLS");
 * tls.init(null, new TrustManager[] {CertificatePin.trustManager(pin)}, null);
 * // hostname verification adds nothing once the certificate itself is pinned
 * }</pre>
 */
public final class CertificatePin {
    private CertificatePin() {
    }

    /** The fingerprint of a certificate in pin format. */
    public static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder out = new StringBuilder(digest.length * 3);
            for (byte b : digest) {
                if (out.length() > 0) {
                    out.append(':');
                }
                out.append(HexFormat.of().toHexDigits(b).toUpperCase(Locale.ROOT));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A trust manager that accepts a server only if its leaf certificate matches {@code pin} (case-insensitive). */
    public static X509TrustManager trustManager(String pin) {
        String expected = pin.trim().toUpperCase(Locale.ROOT);
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("client certificates are not used");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("no server certificate");
                }
                if (!MessageDigest.isEqual(fingerprint(chain[0]).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    throw new CertificateException("the relay's certificate does not match the pinned fingerprint");
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
