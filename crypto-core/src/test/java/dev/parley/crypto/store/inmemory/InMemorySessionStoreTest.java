package dev.parley.crypto.store.inmemory;

import dev.parley.crypto.store.SessionStore;
import dev.parley.crypto.store.SessionStoreContractTest;

class InMemorySessionStoreTest extends SessionStoreContractTest {
    @Override
    protected SessionStore newStore() {
        return new InMemorySessionStore();
    }
}
