package dev.parley.bench.protocol;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.envelope.TrustedRelayKey;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519KeyPair;

/** A relay signing key for in-process benchmarks: issues the sender certificates a relay would issue at login. */
public final class BenchCertificates {
    private final CryptoProvider crypto;
    private final Ed25519KeyPair key;

    public BenchCertificates(CryptoProvider crypto) {
        this.crypto = crypto;
        this.key = crypto.ed25519().generateKeyPair();
    }

    public TrustedRelayKey trusted() {
        return TrustedRelayKey.of(key.publicKey());
    }

    /** A certificate valid for a week from now. */
    public SenderCertificate issue(String username, IdentityKey identity) {
        return SenderCertificate.issue(crypto.ed25519(), key, trusted().keyId(), username, identity.bytes(),
                System.currentTimeMillis() + 7L * 24 * 3600 * 1000);
    }
}
