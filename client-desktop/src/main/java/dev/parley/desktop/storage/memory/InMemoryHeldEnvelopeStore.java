package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.HeldEnvelopeStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;

final class InMemoryHeldEnvelopeStore implements HeldEnvelopeStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private ArrayList<HeldEnvelope> held = new ArrayList<>();
    private long nextId = 1;

    InMemoryHeldEnvelopeStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    private record Snapshot(ArrayList<HeldEnvelope> held, long nextId) {
    }

    @Override
    public Object snapshot() {
        return new Snapshot(new ArrayList<>(held), nextId);
    }

    @Override
    public void restore(Object snapshot) {
        Snapshot s = (Snapshot) snapshot;
        held = s.held();
        nextId = s.nextId();
    }

    @Override
    public void hold(Transaction txn, HeldEnvelope envelope) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        held.add(new HeldEnvelope(nextId++, envelope.sender(), envelope.identityKey(), envelope.blob(),
                envelope.receivedAtMillis()));
    }

    @Override
    public List<HeldEnvelope> forSender(Transaction txn, String sender) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return held.stream().filter(h -> h.sender().equals(sender)).toList();
    }

    @Override
    public int count(Transaction txn, String sender) throws StorageException {
        return forSender(txn, sender).size();
    }

    @Override
    public int removeAll(Transaction txn, String sender) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        int before = held.size();
        held.removeIf(h -> h.sender().equals(sender));
        return before - held.size();
    }
}
