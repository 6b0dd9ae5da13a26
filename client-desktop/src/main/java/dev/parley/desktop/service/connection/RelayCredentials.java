package dev.parley.desktop.service.connection;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.desktop.net.CertificateFingerprint;
import dev.parley.desktop.net.RelayAddress;
import java.util.Objects;

/**
 * What the connection needs to log in: the relay, the username, and a way to sign the relay's challenge with the
 * identity key (the key itself stays with its owner).
 *
 * @param relay    the relay the account is registered with
 * @param username the registered username
 * @param signer   signs with the Ed25519 identity key
 * @param identity the identity public key (what the relay certifies at login)
 */
public record RelayCredentials(RelayAddress relay, String username, Signer signer, IdentityKey identity) {
    public RelayCredentials {
        Objects.requireNonNull(relay);
        Objects.requireNonNull(username);
        Objects.requireNonNull(signer);
        Objects.requireNonNull(identity);
    }

    /**
     * What the login signature binds as the channel: the pinned TLS certificate's SHA-256 (32 zero bytes for a
     * loopback {@code ws://} relay). JDK 17's JSSE offers no TLS exporter (RFC 5705), so this is the binding.
     */
    public byte[] channel() {
        return relay.certificate().map(CertificateFingerprint::bytes).orElseGet(AuthProof::noChannel);
    }

    /** Ed25519 signing with the identity key. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] message);
    }

    @Override
    public String toString() {
        return "RelayCredentials[" + relay.uri().getHost() + "]";
    }
}
