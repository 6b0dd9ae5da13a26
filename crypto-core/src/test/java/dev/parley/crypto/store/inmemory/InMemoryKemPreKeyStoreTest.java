package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.store.KemPreKeyStore;
import dev.parley.crypto.store.KemPreKeyStoreContractTest;

class InMemoryKemPreKeyStoreTest extends KemPreKeyStoreContractTest {
    @Override
    protected KemPreKeyStore newStore() {
        return new InMemoryKemPreKeyStore();
    }
}
