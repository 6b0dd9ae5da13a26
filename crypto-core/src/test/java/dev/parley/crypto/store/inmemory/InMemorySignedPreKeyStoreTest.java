package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.store.SignedPreKeyStore;
import dev.parley.crypto.store.SignedPreKeyStoreContractTest;

class InMemorySignedPreKeyStoreTest extends SignedPreKeyStoreContractTest {
    @Override
    protected SignedPreKeyStore newStore() {
        return new InMemorySignedPreKeyStore();
    }
}
