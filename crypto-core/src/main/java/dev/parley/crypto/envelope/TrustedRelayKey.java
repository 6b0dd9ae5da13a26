package dev.parley.crypto.envelope;

import dev.parley.crypto.exceptions.InvalidCertificateException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.ConstantTime;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.InvalidSignatureException;
import java.util.Arrays;

/**
 * The relay signing key a client pinned (at {@code init}, or at its first v2 connection): the only key whose
 * {@link SenderCertificate}s it accepts.
 *
 * @param keyId     {@link SenderCertificate#keyIdOf} of the public key
 * @param publicKey the relay's Ed25519 signing public key
 */
public record TrustedRelayKey(int keyId, byte[] publicKey) {
    public TrustedRelayKey {
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("relay signing key: 32 bytes expected");
        }
        if (keyId != SenderCertificate.keyIdOf(publicKey)) {
            throw new IllegalArgumentException("relay key id does not match the key");
        }
        publicKey = publicKey.clone();
    }

    public static TrustedRelayKey of(byte[] publicKey) {
        return new TrustedRelayKey(SenderCertificate.keyIdOf(publicKey), publicKey);
    }

    /**
     * Checks that {@code certificate} is signed by this key, unexpired at {@code atMillis}, and certifies exactly
     * {@code authenticated} (the identity key the sealed-sender MAC proved).
     *
     * @param atMillis when the relay received the envelope (a certificate valid then is accepted later too)
     */
    public void verify(Ed25519 ed25519, SenderCertificate certificate, IdentityKey authenticated, long atMillis)
            throws InvalidCertificateException {
        if (certificate.relayKeyId() != keyId) {
            throw new InvalidCertificateException("sender certificate: signed by another relay key");
        }
        try {
            ed25519.verify(publicKey, certificate.signatureInput(), certificate.signature());
        } catch (InvalidSignatureException e) {
            throw new InvalidCertificateException("sender certificate: bad signature");
        }
        verifyClaims(certificate, authenticated, atMillis);
    }

    /**
     * The checks of {@link #verify} other than the signature, for a certificate whose exact bytes already verified
     * against this key: signed by this key id, unexpired at {@code atMillis}, certifying exactly {@code authenticated}.
     */
    void verifyClaims(SenderCertificate certificate, IdentityKey authenticated, long atMillis)
            throws InvalidCertificateException {
        if (certificate.relayKeyId() != keyId) {
            throw new InvalidCertificateException("sender certificate: signed by another relay key");
        }
        if (atMillis > certificate.expiresAtMillis()) {
            throw new InvalidCertificateException("sender certificate: expired");
        }
        if (!ConstantTime.equals(certificate.identityKey(), authenticated.bytes())) {
            throw new InvalidCertificateException("sender certificate: certifies another identity key");
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedRelayKey k && keyId == k.keyId && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }
}
