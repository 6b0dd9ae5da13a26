package dev.parley.desktop.net;

import java.net.Socket;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 fingerprint was pinned when the relay was added.
 * No CA, no hostname check (the pin is stronger than both), no client certificates. A relay that rotates its
 * certificate must be re-pinned by the user.
 */
public final class PinnedCertificateTrustManager extends X509ExtendedTrustManager {
    private final CertificateFingerprint pin;
    /** The certificate a relay served that did not match the pin, if one did (read after a failed handshake). */
    private volatile CertificateFingerprint refused;

    public PinnedCertificateTrustManager(CertificateFingerprint pin) {
        this.pin = Objects.requireNonNull(pin);
    }

    /** A TLS context whose only trust decision is this pin. */
    public static SSLContext sslContext(CertificateFingerprint pin) {
        return new PinnedCertificateTrustManager(pin).sslContext();
    }

    /** A TLS context whose only trust decision is this trust manager's pin. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the relay presented no certificate");
        }
        try {
            if (!pin.matches(chain[0])) {
                refused = CertificateFingerprint.of(chain[0]);
                throw new CertificateException("the relay's certificate does not match the pinned fingerprint");
            }
        } catch (CertificateEncodingException e) {
            throw new CertificateException("the relay's certificate cannot be encoded", e);
        }
        chain[0].checkValidity();
    }

    /** The fingerprint of the certificate the relay served if it did not match the pin. */
    public java.util.Optional<CertificateFingerprint> refusedCertificate() {
        return java.util.Optional.ofNullable(refused);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a Parley client never accepts client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
