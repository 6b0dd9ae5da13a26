package dev.parley.desktop.storage.protocol;

import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.SecretStore;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/** {@link SecretStore} calls run through the adapter's {@link ProtocolStoreAdapters.Runner}. */
final class SecretEntries {
    private final SecretStore secrets;
    private final ProtocolStoreAdapters.Runner runner;

    SecretEntries(SecretStore secrets, ProtocolStoreAdapters.Runner runner) {
        this.secrets = secrets;
        this.runner = runner;
    }

    Optional<byte[]> get(SecretNamespace ns, String key) {
        return runner.call((Transaction txn) -> secrets.get(txn, ns, key));
    }

    void put(SecretNamespace ns, String key, byte[] value) {
        runner.call((Transaction txn) -> {
            secrets.put(txn, ns, key, value);
            return null;
        });
    }

    boolean contains(SecretNamespace ns, String key) {
        return runner.call((Transaction txn) -> secrets.contains(txn, ns, key));
    }

    void delete(SecretNamespace ns, String key) {
        runner.call((Transaction txn) -> secrets.delete(txn, ns, key));
    }

    List<String> keys(SecretNamespace ns) {
        return runner.call((Transaction txn) -> secrets.keys(txn, ns));
    }
}
