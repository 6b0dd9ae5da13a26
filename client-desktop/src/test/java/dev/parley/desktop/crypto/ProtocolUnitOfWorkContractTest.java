package dev.parley.desktop.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.session.PreKeyGenerator;
import dev.parley.crypto.session.ProtocolContext;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.crypto.store.IdentityKeyStore;
import dev.parley.crypto.store.IdentityKeyStoreContractTest;
import dev.parley.crypto.store.KemPreKeyStore;
import dev.parley.crypto.store.KemPreKeyStoreContractTest;
import dev.parley.crypto.store.PreKeyStore;
import dev.parley.crypto.store.PreKeyStoreContractTest;
import dev.parley.crypto.store.SessionStore;
import dev.parley.crypto.store.SessionStoreContractTest;
import dev.parley.crypto.store.SignedPreKeyStore;
import dev.parley.crypto.store.SignedPreKeyStoreContractTest;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.h2.H2Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crypto-core's store contracts, run against the client's units of work over a real encrypted H2 database. */
class ProtocolUnitOfWorkContractTest {
    static final CryptoProvider CRYPTO = CryptoProviders.preferred();

    @TempDir
    Path dir;
    private final List<Storage> open = new ArrayList<>();

    @BeforeAll
    static void hardenH2() {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    @AfterEach
    void closeAll() {
        open.forEach(Storage::close);
    }

    ProtocolStateStore newState() {
        try {
            Storage storage = H2Storage.create(dir.resolve("db-" + open.size()), SecretBytes.copyOf(CRYPTO.random().bytes(32)),
                    EventPublisher.NONE);
            open.add(storage);
            return new ProtocolStateStore(storage, CRYPTO, Clock.systemUTC());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Sessions extends SessionStoreContractTest {
        @Override
        protected SessionStore newStore() {
            return newState().begin();
        }
    }

    @Nested
    class Identities extends IdentityKeyStoreContractTest {
        @Override
        protected IdentityKeyStore newStore(IdentityKeyPair localIdentity) {
            ProtocolStateStore state = newState();
            try {
                state.storage().transactions().transaction(false, txn -> state.storeIdentity(txn, localIdentity));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return state.begin();
        }
    }

    @Nested
    class PreKeys extends PreKeyStoreContractTest {
        @Override
        protected PreKeyStore newStore() {
            return newState().begin();
        }
    }

    @Nested
    class SignedPreKeys extends SignedPreKeyStoreContractTest {
        @Override
        protected SignedPreKeyStore newStore() {
            return newState().begin();
        }
    }

    @Nested
    class KemPreKeys extends KemPreKeyStoreContractTest {
        @Override
        protected KemPreKeyStore newStore() {
            return newState().begin();
        }
    }

    @Test
    void committedWritesSurviveAFreshCacheAndDiscardedOnesLeaveNothing() throws Exception {
        ProtocolStateStore state = newState();
        Username peer = new Username("bob");
        ProtocolUnitOfWork committed = state.begin();
        committed.storeSession(peer, new SessionRecord());
        committed.storePreKey(new PreKeyGenerator(ProtocolContext.of(CRYPTO)).generateOneTimePreKeys(7, 1).get(0));
        state.storage().transactions().transaction(false, committed::commit);
        committed.committed();

        ProtocolUnitOfWork discarded = state.begin();
        discarded.deleteSession(peer);
        discarded.removePreKey(7);
        assertThat(discarded.containsSession(peer)).isFalse();

        ProtocolStateStore reopened = new ProtocolStateStore(state.storage(), CRYPTO, Clock.systemUTC());
        assertThat(reopened.begin().containsSession(peer)).isTrue();
        assertThat(reopened.begin().containsPreKey(7)).isTrue();
        assertThat(state.begin().containsSession(peer)).as("the discarded unit changed nothing").isTrue();
    }

    @Test
    void finding5AnErrorAfterTheCommitNeverLeavesAStaleCachedState() throws Exception {
        ProtocolStateStore state = newState();
        Username peer = new Username("bob");
        ProtocolUnitOfWork first = state.begin();
        first.storePreKey(new PreKeyGenerator(ProtocolContext.of(CRYPTO)).generateOneTimePreKeys(7, 1).get(0));
        state.storage().transactions().transaction(false, first::commit);
        first.committed();
        assertThat(state.begin().containsPreKey(7)).as("now cached").isTrue();

        // The transaction commits, then the caller fails before committed() (as after a failed CHECKPOINT).
        ProtocolUnitOfWork second = state.begin();
        second.removePreKey(7);
        second.storeSession(peer, new SessionRecord());
        state.storage().transactions().transaction(false, second::commit);

        assertThat(state.begin().containsPreKey(7)).as("the cache must not keep the pre-commit value").isFalse();
        assertThat(state.begin().containsSession(peer)).isTrue();
    }

    @Test
    void aRolledBackCommitLeavesTheCachedStateAsItWas() throws Exception {
        ProtocolStateStore state = newState();
        ProtocolUnitOfWork first = state.begin();
        first.storePreKey(new PreKeyGenerator(ProtocolContext.of(CRYPTO)).generateOneTimePreKeys(8, 1).get(0));
        state.storage().transactions().transaction(false, first::commit);
        first.committed();

        ProtocolUnitOfWork failing = state.begin();
        failing.removePreKey(8);
        assertThatThrownBy(() -> state.storage().transactions().transaction(false, txn -> {
            failing.commit(txn);
            throw new StorageException("simulated failure inside the transaction");
        })).isInstanceOf(StorageException.class);
        assertThat(state.begin().containsPreKey(8)).isTrue();
    }
}
