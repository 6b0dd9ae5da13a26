package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.identity.IdentityChange;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.store.IdentityKeyStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link IdentityKeyStore} in memory, trusting on first use. Thread-safe. */
public final class InMemoryIdentityKeyStore implements IdentityKeyStore {
    private final IdentityKeyPair identity;
    private final Map<Username, IdentityKey> peers = new ConcurrentHashMap<>();

    public InMemoryIdentityKeyStore(IdentityKeyPair identity) {
        this.identity = Objects.requireNonNull(identity);
    }

    @Override
    public IdentityKeyPair getIdentityKeyPair() {
        return identity;
    }

    @Override
    public IdentityChange saveIdentity(Username peer, IdentityKey identityKey) {
        IdentityKey previous = peers.put(peer, identityKey);
        if (previous == null) {
            return IdentityChange.NEW;
        }
        return previous.equals(identityKey) ? IdentityChange.UNCHANGED : IdentityChange.REPLACED;
    }

    @Override
    public boolean isTrustedIdentity(Username peer, IdentityKey identityKey, Direction direction) {
        IdentityKey stored = peers.get(peer);
        return stored == null || stored.equals(identityKey);
    }

    @Override
    public Optional<IdentityKey> getIdentity(Username peer) {
        return Optional.ofNullable(peers.get(peer));
    }
}
