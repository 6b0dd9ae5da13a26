package dev.parley.relay;

import java.nio.file.Path;
import java.util.Objects;

/** How the relay serves TLS: not at all, from a PKCS12 keystore, or with a self-signed certificate it keeps. */
public sealed interface TlsSettings {

    /** Plain ws:// (for loopback and for a relay behind a TLS-terminating proxy). */
    record None() implements TlsSettings {
    }

    /** wss:// with the first key entry of a PKCS12 keystore. */
    record Pkcs12(Path keystore, char[] password) implements TlsSettings {
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            password = password.clone();
        }

        @Override
        public String toString() {
            return "Pkcs12[" + keystore + "]";
        }
    }

    /**
     * wss:// with a self-signed certificate generated on first start and kept in the data directory
     * ({@code tls.p12}); clients pin its SHA-256 fingerprint ({@link RelayServer#tlsFingerprint()}).
     */
    record SelfSigned() implements TlsSettings {
    }
}
