package dev.parley.desktop.storage;

import java.util.Arrays;

/**
 * The relay a profile pinned: its 16-byte id (bound into every login signature) and its Ed25519 signing public key
 * (the only key whose sender certificates the profile accepts).
 */
public record RelayPin(byte[] relayId, byte[] signingKey) {
    public RelayPin {
        if (relayId == null || relayId.length != 16) {
            throw new IllegalArgumentException("relay id: 16 bytes expected");
        }
        if (signingKey == null || signingKey.length != 32) {
            throw new IllegalArgumentException("relay signing key: 32 bytes expected");
        }
        relayId = relayId.clone();
        signingKey = signingKey.clone();
    }

    @Override
    public byte[] relayId() {
        return relayId.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** True if {@code relayId} and {@code signingKey} are exactly the pinned ones. */
    public boolean matches(byte[] otherRelayId, byte[] otherSigningKey) {
        return Arrays.equals(relayId, otherRelayId) && Arrays.equals(signingKey, otherSigningKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelayPin p && Arrays.equals(relayId, p.relayId) && Arrays.equals(signingKey, p.signingKey);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(relayId) + Arrays.hashCode(signingKey);
    }

    @Override
    public String toString() {
        return "RelayPin[...]";
    }
}
