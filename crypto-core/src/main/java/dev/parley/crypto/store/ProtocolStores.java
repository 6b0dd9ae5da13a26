package dev.parley.crypto.store;

import java.util.Objects;

/** The five stores a session needs, passed together. */
public record ProtocolStores(SessionStore sessions, IdentityKeyStore identities, PreKeyStore preKeys,
        SignedPreKeyStore signedPreKeys, KemPreKeyStore kemPreKeys) {
    public ProtocolStores {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(preKeys, "preKeys");
        Objects.requireNonNull(signedPreKeys, "signedPreKeys");
        Objects.requireNonNull(kemPreKeys, "kemPreKeys");
    }
}
