package dev.parley.desktop.service.connection;

import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.desktop.net.CertificateFingerprint;
import dev.parley.desktop.net.RelayAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What the connection needs to log in: the relay, the username, and a way to sign the relay's challenge with the
 * identity key (the key itself stays with its owner).
 *
 * @param relay    the relay the account is registered with
 * @param username the registered username
 * @param signer   signs with the Ed25519 identity key
 * @param identity the identity public key (what the relay certifies at login)
 * @param device   this profile's device and its own credential key, once it has one (issue #17): it then logs in with
 *                 {@code device_authenticate}; empty for device 1 still logging in with the identity key
 */
public record RelayCredentials(RelayAddress relay, String username, Signer signer, IdentityKey identity,
                               Optional<DeviceLogin> device) {
    public RelayCredentials {
        Objects.requireNonNull(relay);
        Objects.requireNonNull(username);
        Objects.requireNonNull(signer);
        Objects.requireNonNull(identity);
        Objects.requireNonNull(device);
    }

    /** Device 1 of an account that logs in with its identity key. */
    public RelayCredentials(RelayAddress relay, String username, Signer signer, IdentityKey identity) {
        this(relay, username, signer, identity, Optional.empty());
    }

    /** This profile's device id (1 until it has a device credential of another device). */
    public int deviceId() {
        return device.map(DeviceLogin::deviceId).orElse(1);
    }

    /**
     * A device's login (issue #17): its id and Ed25519 signing with its credential key; {@code tentative} while the
     * relay's acceptance of a new credential key is not known (its answer was lost): the login tells which it was.
     */
    public record DeviceLogin(int deviceId, Signer signer, boolean tentative) {
        public DeviceLogin {
            if (deviceId < 1) {
                throw new IllegalArgumentException("device id: 1 or more expected");
            }
            Objects.requireNonNull(signer);
        }

        /** A confirmed credential. */
        public DeviceLogin(int deviceId, Signer signer) {
            this(deviceId, signer, false);
        }

        @Override
        public String toString() {
            return "DeviceLogin[device " + deviceId + "]";
        }
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
