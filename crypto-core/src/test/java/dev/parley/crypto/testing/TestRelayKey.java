package dev.parley.crypto.testing;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.envelope.TrustedRelayKey;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.secret.SecretBytes;

/** A relay signing key for protocol tests: issues sender certificates the way the relay does at login. */
public final class TestRelayKey {
    /** Certificates issued here are valid this long after the issuing clock's time. */
    public static final long LIFETIME_MILLIS = 7L * 24 * 3600 * 1000;

    private final CryptoProvider crypto;
    private final Ed25519KeyPair key;

    public TestRelayKey(CryptoProvider crypto, byte seedByte) {
        this.crypto = crypto;
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, seedByte);
        this.key = crypto.ed25519().keyPairFromSeed(SecretBytes.wrap(seed));
    }

    public TrustedRelayKey trusted() {
        return TrustedRelayKey.of(key.publicKey());
    }

    public SenderCertificate issue(String username, IdentityKey identity, long nowMillis) {
        return SenderCertificate.issue(crypto.ed25519(), key, trusted().keyId(), username, identity.bytes(),
                nowMillis + LIFETIME_MILLIS);
    }

    /** A certificate for one device of an account (issue #17): version 2 for devices other than device 1. */
    public SenderCertificate issue(String username, int deviceId, IdentityKey identity, long nowMillis) {
        return SenderCertificate.issue(crypto.ed25519(), key, trusted().keyId(), username, deviceId, identity.bytes(),
                nowMillis + LIFETIME_MILLIS);
    }
}
