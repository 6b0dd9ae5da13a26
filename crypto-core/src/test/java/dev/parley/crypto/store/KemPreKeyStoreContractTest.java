package dev.parley.crypto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.KemPreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.crypto.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link KemPreKeyStore} contract; implementations subclass it. */
public abstract class KemPreKeyStoreContractTest {
    private KemPreKeyStore store;
    private PreKeyGenerator generator;
    private IdentityKeyPair identity;

    /** A new, empty store. */
    protected abstract KemPreKeyStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
        DeterministicRandom random = new DeterministicRandom(16);
        identity = IdentityKeyPair.generate(CryptoProviders.libsodium(), random);
        generator = new PreKeyGenerator(new ProtocolContext(CryptoProviders.libsodium(), random, new MutableClock(),
                RatchetLimits.DEFAULT));
    }

    @Test
    void loadsWhatWasStoredAndListsAllById() throws Exception {
        KemPreKeyRecord two = generator.generateKemPreKey(identity, 2, false);
        KemPreKeyRecord one = generator.generateKemPreKey(identity, 1, true);
        store.storeKemPreKey(two);
        store.storeKemPreKey(one);
        assertThat(store.loadKemPreKey(2)).isEqualTo(two);
        assertThat(store.loadKemPreKey(1).isLastResort()).isTrue();
        assertThat(store.loadKemPreKey(2).isLastResort()).isFalse();
        assertThat(store.containsKemPreKey(1)).isTrue();
        assertThat(store.loadKemPreKeys()).containsExactly(one, two);
    }

    @Test
    void storingUnderAnExistingIdReplaces() throws Exception {
        store.storeKemPreKey(generator.generateKemPreKey(identity, 5, true));
        KemPreKeyRecord replacement = generator.generateKemPreKey(identity, 5, true);
        store.storeKemPreKey(replacement);
        assertThat(store.loadKemPreKey(5)).isEqualTo(replacement);
        assertThat(store.loadKemPreKeys()).hasSize(1);
    }

    @Test
    void unknownOrRemovedIdIsATypedError() {
        store.storeKemPreKey(generator.generateKemPreKey(identity, 3, false));
        store.removeKemPreKey(3);
        store.removeKemPreKey(42);
        assertThat(store.containsKemPreKey(3)).isFalse();
        assertThatThrownBy(() -> store.loadKemPreKey(3)).isInstanceOf(InvalidKeyIdException.class);
        assertThat(store.loadKemPreKeys()).isEmpty();
    }
}
