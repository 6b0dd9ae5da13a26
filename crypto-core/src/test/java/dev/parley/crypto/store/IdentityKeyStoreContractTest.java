package dev.parley.crypto.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityChange;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.store.IdentityKeyStore.Direction;
import dev.parley.crypto.testing.DeterministicRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link IdentityKeyStore} contract; implementations subclass it. */
public abstract class IdentityKeyStoreContractTest {
    private final CryptoProvider crypto = CryptoProviders.libsodium();
    private final DeterministicRandom random = new DeterministicRandom(9);
    private final Username bob = new Username("bob");
    private IdentityKeyPair local;
    private IdentityKeyStore store;

    /** A new store whose local identity is {@code localIdentity} and which knows no peers. */
    protected abstract IdentityKeyStore newStore(IdentityKeyPair localIdentity);

    @BeforeEach
    void createStore() {
        local = IdentityKeyPair.generate(crypto, random);
        store = newStore(local);
    }

    private IdentityKey newKey() {
        return IdentityKeyPair.generate(crypto, random).publicKey();
    }

    @Test
    void returnsTheLocalIdentity() {
        assertThat(store.getIdentityKeyPair().publicKey()).isEqualTo(local.publicKey());
        assertThat(store.getIdentityKeyPair().publicKey()).isEqualTo(store.getIdentityKeyPair().publicKey());
    }

    @Test
    void saveReportsNewUnchangedAndReplaced() {
        IdentityKey first = newKey();
        IdentityKey second = newKey();
        assertThat(store.getIdentity(bob)).isEmpty();
        assertThat(store.saveIdentity(bob, first)).isEqualTo(IdentityChange.NEW);
        assertThat(store.saveIdentity(bob, first)).isEqualTo(IdentityChange.UNCHANGED);
        assertThat(store.getIdentity(bob)).contains(first);
        assertThat(store.saveIdentity(bob, second)).isEqualTo(IdentityChange.REPLACED);
        assertThat(store.getIdentity(bob)).contains(second);
    }

    @Test
    void trustOnFirstUseThenOnlyTheStoredKey() {
        IdentityKey first = newKey();
        IdentityKey other = newKey();
        for (Direction direction : Direction.values()) {
            assertThat(store.isTrustedIdentity(bob, first, direction)).isTrue();
        }
        store.saveIdentity(bob, first);
        for (Direction direction : Direction.values()) {
            assertThat(store.isTrustedIdentity(bob, first, direction)).isTrue();
            assertThat(store.isTrustedIdentity(bob, other, direction)).isFalse();
        }
        assertThat(store.isTrustedIdentity(new Username("carol"), other, Direction.SENDING)).isTrue();
    }
}
