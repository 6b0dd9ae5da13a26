package dev.parley.desktop.service.connection;

import dev.parley.desktop.net.RelayAddress;
import java.util.Objects;

/**
 * What the connection needs to log in: the relay, the username, and a way to sign the relay's challenge with the
 * identity key (the key itself stays with its owner).
 *
 * @param relay    the relay the account is registered with
 * @param username the registered username
 * @param signer   signs with the Ed25519 identity key
 */
public record RelayCredentials(RelayAddress relay, String username, Signer signer) {
    public RelayCredentials {
        Objects.requireNonNull(relay);
        Objects.requireNonNull(username);
        Objects.requireNonNull(signer);
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
