package dev.parley.desktop.storage.protocol;

import dev.parley.crypto.exceptions.CorruptStateException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.identity.IdentityChange;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.store.IdentityKeyStore;
import dev.parley.desktop.storage.SecretNamespace;
import java.util.Arrays;
import java.util.Optional;

/**
 * The local identity key pair ({@link SecretNamespace#IDENTITY}, entry {@value ProtocolStoreAdapters#LOCAL_IDENTITY_KEY})
 * and peers' identity keys ({@link ProtocolStoreAdapters#PEER_IDENTITIES}). Trust on first use, then only the stored
 * key, in both directions (the port's contract).
 */
final class StoredIdentities implements IdentityKeyStore {
    private final SecretEntries entries;
    private final CryptoProvider crypto;

    StoredIdentities(SecretEntries entries, CryptoProvider crypto) {
        this.entries = entries;
        this.crypto = crypto;
    }

    @Override
    public IdentityKeyPair getIdentityKeyPair() {
        byte[] bytes = entries.get(SecretNamespace.IDENTITY, ProtocolStoreAdapters.LOCAL_IDENTITY_KEY)
                .orElseThrow(() -> new IllegalStateException("the profile has no local identity key pair"));
        try {
            return IdentityKeyPair.deserialize(crypto, bytes);
        } catch (UnsupportedVersionException | CorruptStateException e) {
            throw new IllegalStateException("stored identity key pair does not parse", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public IdentityChange saveIdentity(Username peer, IdentityKey identityKey) {
        Optional<IdentityKey> existing = getIdentity(peer);
        if (existing.isPresent() && existing.get().equals(identityKey)) {
            return IdentityChange.UNCHANGED;
        }
        entries.put(ProtocolStoreAdapters.PEER_IDENTITIES, peer.value(), identityKey.bytes());
        return existing.isPresent() ? IdentityChange.REPLACED : IdentityChange.NEW;
    }

    @Override
    public boolean isTrustedIdentity(Username peer, IdentityKey identityKey, Direction direction) {
        Optional<IdentityKey> existing = getIdentity(peer);
        return existing.isEmpty() || existing.get().equals(identityKey);
    }

    @Override
    public Optional<IdentityKey> getIdentity(Username peer) {
        return entries.get(ProtocolStoreAdapters.PEER_IDENTITIES, peer.value()).map(IdentityKey::new);
    }
}
