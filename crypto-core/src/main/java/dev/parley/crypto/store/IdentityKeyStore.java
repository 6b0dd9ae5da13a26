package dev.parley.crypto.store;

import dev.parley.crypto.identity.IdentityChange;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import java.util.Optional;

/**
 * Persistence port for the local identity key pair and the identity keys of peers.
 *
 * <p>Contract (checked by {@code IdentityKeyStoreContractTest}):
 * <ul>
 *   <li>{@link #getIdentityKeyPair} always returns the same local identity;</li>
 *   <li>{@link #saveIdentity} returns {@link IdentityChange#NEW} the first time a peer's key is saved,
 *       {@link IdentityChange#UNCHANGED} when the same key is saved again, and {@link IdentityChange#REPLACED} when
 *       a different key replaces the stored one;</li>
 *   <li>{@link #isTrustedIdentity} is true for a peer with no stored key (trust on first use) or with exactly this
 *       key stored, false for a peer whose stored key differs, in both directions. An implementation may be
 *       stricter (for example, refuse a new key until the user has seen the safety-number change) but never
 *       looser.</li>
 * </ul>
 */
public interface IdentityKeyStore {
    /** Which way the message whose trust is being checked travels. */
    enum Direction {
        SENDING,
        RECEIVING
    }

    IdentityKeyPair getIdentityKeyPair();

    IdentityChange saveIdentity(Username peer, IdentityKey identityKey);

    boolean isTrustedIdentity(Username peer, IdentityKey identityKey, Direction direction);

    Optional<IdentityKey> getIdentity(Username peer);
}
