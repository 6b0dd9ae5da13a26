package dev.parley.relay.store;

class InMemoryStoreTest extends StoreContractTest {
    @Override
    protected void open() {
        accounts = new InMemoryAccountStore();
        blobs = new InMemoryBlobStore();
    }

    @Override
    protected void close() {
        accounts = null;
        blobs = null;
    }
}
