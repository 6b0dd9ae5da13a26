package dev.parley.desktop.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.RatchetLimits;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding 14: locking a profile wipes the cached ratchet state and destroys the loaded identity key pair. */
class ProfileCryptoWipeTest {
    private static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    @Test
    void closeWipesCachedStateAndTheIdentityKeyPair() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        ProfileCrypto crypto = new ProfileCrypto(storage, new ProtocolContext(CRYPTO, new DeterministicRandom(7),
                Clock.systemUTC(), RatchetLimits.DEFAULT));
        IdentityKeyPair stored = IdentityKeyPair.generate(CRYPTO, new DeterministicRandom(8));
        storage.transactions().transaction(false, txn -> crypto.state().storeIdentity(txn, stored));
        IdentityKeyPair loaded = crypto.identity();
        byte[] session = {1, 2, 3, 4};
        storage.transactions().transaction(false,
                txn -> crypto.state().write(txn, SecretNamespace.SESSIONS, "bob", Optional.of(session)));
        crypto.state().afterCommit(SecretNamespace.SESSIONS, "bob", Optional.of(session));
        assertThat(crypto.state().cachedEntries()).isPositive();

        crypto.close();

        assertThat(crypto.state().cachedEntries()).isZero();
        assertThat(loaded.isDestroyed()).isTrue();
        IdentityKeyPair reloaded = crypto.identity();
        assertThat(reloaded.isDestroyed()).isFalse();
        assertThat(reloaded.publicKey()).isEqualTo(stored.publicKey());
        assertThat(crypto.state().read(SecretNamespace.SESSIONS, "bob")).hasValue(session);
    }
}
