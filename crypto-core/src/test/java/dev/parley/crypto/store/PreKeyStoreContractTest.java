package dev.parley.crypto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.exceptions.InvalidKeyIdException;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.OneTimePreKeyRecord;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.crypto.testing.MutableClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link PreKeyStore} contract; implementations subclass it. */
public abstract class PreKeyStoreContractTest {
    private PreKeyStore store;
    private List<OneTimePreKeyRecord> keys;

    /** A new, empty store. */
    protected abstract PreKeyStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
        keys = new PreKeyGenerator(new ProtocolContext(CryptoProviders.libsodium(), new DeterministicRandom(4),
                new MutableClock(), RatchetLimits.DEFAULT)).generateOneTimePreKeys(10, 3);
        keys.forEach(store::storePreKey);
    }

    @Test
    void loadsWhatWasStored() throws Exception {
        for (OneTimePreKeyRecord key : keys) {
            assertThat(store.containsPreKey(key.id())).isTrue();
            assertThat(store.loadPreKey(key.id())).isEqualTo(key);
        }
    }

    @Test
    void unknownIdIsATypedError() {
        assertThat(store.containsPreKey(99)).isFalse();
        assertThatThrownBy(() -> store.loadPreKey(99)).isInstanceOf(InvalidKeyIdException.class);
    }

    @Test
    void removedKeysAreGoneForGood() {
        store.removePreKey(11);
        store.removePreKey(99);
        assertThat(store.containsPreKey(11)).isFalse();
        assertThatThrownBy(() -> store.loadPreKey(11)).isInstanceOf(InvalidKeyIdException.class);
        assertThat(store.containsPreKey(10)).isTrue();
    }
}
