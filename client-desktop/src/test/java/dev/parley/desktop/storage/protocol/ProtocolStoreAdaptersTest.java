package dev.parley.desktop.storage.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.primitives.CryptoProvider;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.crypto.secret.SecretBytes;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.crypto.store.IdentityKeyStore;
import dev.parley.crypto.store.IdentityKeyStoreContractTest;
import dev.parley.crypto.store.PreKeyStore;
import dev.parley.crypto.store.PreKeyStoreContractTest;
import dev.parley.crypto.store.ProtocolStores;
import dev.parley.crypto.store.SessionStore;
import dev.parley.crypto.store.SessionStoreContractTest;
import dev.parley.crypto.store.SignedPreKeyStore;
import dev.parley.crypto.store.SignedPreKeyStoreContractTest;
import dev.parley.crypto.testing.DeterministicRandom;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.h2.DatabaseOpenException;
import dev.parley.desktop.storage.h2.H2Storage;
import dev.parley.desktop.storage.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** crypto-core's store contracts against the adapters, on the encrypted H2 database and on the in-memory storage. */
class ProtocolStoreAdaptersTest {
    static final CryptoProvider CRYPTO = CryptoProviders.preferred();
    final List<Storage> opened = new ArrayList<>();

    Storage h2() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "adapters");
            Storage s = H2Storage.create(dir.resolve("data-1"),
                    SecretBytes.wrap(new DeterministicRandom(5).bytes(32)), EventPublisher.NONE);
            opened.add(s);
            return s;
        } catch (IOException | DatabaseOpenException e) {
            throw new AssertionError(e);
        }
    }

    Storage memory() {
        Storage s = new InMemoryStorage();
        opened.add(s);
        return s;
    }

    @AfterEach
    void close() {
        opened.forEach(Storage::close);
    }

    static ProtocolStores stores(Storage s) {
        return ProtocolStoreAdapters.autoCommit(s, CRYPTO);
    }

    static IdentityKeyStore identities(Storage s, IdentityKeyPair local) {
        try {
            s.transactions().transaction(false, txn -> ProtocolStoreAdapters.storeLocalIdentity(s, txn, local));
        } catch (StorageException e) {
            throw new AssertionError(e);
        }
        return stores(s).identities();
    }

    @Nested
    class H2Sessions extends SessionStoreContractTest {
        @Override
        protected SessionStore newStore() {
            return stores(h2()).sessions();
        }
    }

    @Nested
    class H2Identities extends IdentityKeyStoreContractTest {
        @Override
        protected IdentityKeyStore newStore(IdentityKeyPair localIdentity) {
            return identities(h2(), localIdentity);
        }
    }

    @Nested
    class H2PreKeys extends PreKeyStoreContractTest {
        @Override
        protected PreKeyStore newStore() {
            return stores(h2()).preKeys();
        }
    }

    @Nested
    class H2SignedPreKeys extends SignedPreKeyStoreContractTest {
        @Override
        protected SignedPreKeyStore newStore() {
            return stores(h2()).signedPreKeys();
        }
    }

    @Nested
    class MemorySessions extends SessionStoreContractTest {
        @Override
        protected SessionStore newStore() {
            return stores(memory()).sessions();
        }
    }

    @Nested
    class MemoryIdentities extends IdentityKeyStoreContractTest {
        @Override
        protected IdentityKeyStore newStore(IdentityKeyPair localIdentity) {
            return identities(memory(), localIdentity);
        }
    }

    @Test
    void protocolWritesRollBackWithTheirTransaction() throws Exception {
        Storage s = h2();
        Username bob = new Username("bob");
        assertThatThrownBy(() -> s.transactions().transaction(false, txn -> {
            ProtocolStoreAdapters.inTransaction(s, txn, CRYPTO).sessions().storeSession(bob, new SessionRecord());
            throw new IOException("message could not be stored");
        })).isInstanceOf(IOException.class);
        assertThat(stores(s).sessions().containsSession(bob)).isFalse();
        s.transactions().transaction(false, txn ->
                ProtocolStoreAdapters.inTransaction(s, txn, CRYPTO).sessions().storeSession(bob, new SessionRecord()));
        assertThat(stores(s).sessions().containsSession(bob)).isTrue();
    }

    @Test
    void missingLocalIdentityIsAClearError() {
        assertThatThrownBy(() -> stores(memory()).identities().getIdentityKeyPair())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no local identity");
    }
}
