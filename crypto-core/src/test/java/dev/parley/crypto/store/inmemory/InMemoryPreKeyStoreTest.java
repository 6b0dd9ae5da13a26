package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.store.PreKeyStore;
import dev.parley.crypto.store.PreKeyStoreContractTest;

class InMemoryPreKeyStoreTest extends PreKeyStoreContractTest {
    @Override
    protected PreKeyStore newStore() {
        return new InMemoryPreKeyStore();
    }
}
