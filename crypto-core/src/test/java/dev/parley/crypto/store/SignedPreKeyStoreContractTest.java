package dev.parley.crypto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.crypto.session.SignedPreKeyRecord;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.crypto.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link SignedPreKeyStore} contract; implementations subclass it. */
public abstract class SignedPreKeyStoreContractTest {
    private SignedPreKeyStore store;
    private PreKeyGenerator generator;
    private IdentityKeyPair identity;

    /** A new, empty store. */
    protected abstract SignedPreKeyStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
        DeterministicRandom random = new DeterministicRandom(6);
        identity = IdentityKeyPair.generate(CryptoProviders.libsodium(), random);
        generator = new PreKeyGenerator(new ProtocolContext(CryptoProviders.libsodium(), random, new MutableClock(),
                RatchetLimits.DEFAULT));
    }

    @Test
    void loadsWhatWasStoredAndListsAllById() throws Exception {
        SignedPreKeyRecord two = generator.generateSignedPreKey(identity, 2);
        SignedPreKeyRecord one = generator.generateSignedPreKey(identity, 1);
        store.storeSignedPreKey(two);
        store.storeSignedPreKey(one);
        assertThat(store.loadSignedPreKey(2)).isEqualTo(two);
        assertThat(store.containsSignedPreKey(1)).isTrue();
        assertThat(store.loadSignedPreKeys()).containsExactly(one, two);
    }

    @Test
    void storingUnderAnExistingIdReplaces() throws Exception {
        store.storeSignedPreKey(generator.generateSignedPreKey(identity, 5));
        SignedPreKeyRecord replacement = generator.generateSignedPreKey(identity, 5);
        store.storeSignedPreKey(replacement);
        assertThat(store.loadSignedPreKey(5)).isEqualTo(replacement);
        assertThat(store.loadSignedPreKeys()).hasSize(1);
    }

    @Test
    void unknownOrRemovedIdIsATypedError() {
        store.storeSignedPreKey(generator.generateSignedPreKey(identity, 3));
        store.removeSignedPreKey(3);
        store.removeSignedPreKey(42);
        assertThat(store.containsSignedPreKey(3)).isFalse();
        assertThatThrownBy(() -> store.loadSignedPreKey(3)).isInstanceOf(InvalidKeyIdException.class);
        assertThat(store.loadSignedPreKeys()).isEmpty();
    }
}
