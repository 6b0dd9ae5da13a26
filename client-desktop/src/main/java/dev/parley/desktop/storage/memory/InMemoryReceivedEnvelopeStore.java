package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.ReceivedEnvelope;
import dev.parley.desktop.storage.ReceivedEnvelopeStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

final class InMemoryReceivedEnvelopeStore implements ReceivedEnvelopeStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private HashMap<EnvelopeDigest, ReceivedEnvelope> envelopes = new HashMap<>();

    InMemoryReceivedEnvelopeStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new HashMap<>(envelopes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        envelopes = (HashMap<EnvelopeDigest, ReceivedEnvelope>) snapshot;
    }

    @Override
    public void recordAll(Transaction txn, List<ReceivedEnvelope> received) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        for (ReceivedEnvelope envelope : received) {
            envelopes.putIfAbsent(envelope.digest(), envelope);
        }
    }

    @Override
    public Optional<ReceivedEnvelope> find(Transaction txn, EnvelopeDigest digest) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(envelopes.get(digest));
    }
}
