package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.identity.IdentityKeyPair;
import dev.parley.crypto.store.IdentityKeyStore;
import dev.parley.crypto.store.IdentityKeyStoreContractTest;

class InMemoryIdentityKeyStoreTest extends IdentityKeyStoreContractTest {
    @Override
    protected IdentityKeyStore newStore(IdentityKeyPair localIdentity) {
        return new InMemoryIdentityKeyStore(localIdentity);
    }
}
