package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.ProfileStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.UserProfile;
import java.util.HashMap;
import java.util.Optional;

final class InMemoryProfileStore implements ProfileStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private HashMap<String, UserProfile> profiles = new HashMap<>();
    private HashMap<String, Long> shared = new HashMap<>();

    InMemoryProfileStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    private record Snapshot(HashMap<String, UserProfile> profiles, HashMap<String, Long> shared) {
    }

    @Override
    public Object snapshot() {
        return new Snapshot(new HashMap<>(profiles), new HashMap<>(shared));
    }

    @Override
    public void restore(Object snapshot) {
        Snapshot s = (Snapshot) snapshot;
        profiles = s.profiles();
        shared = s.shared();
    }

    @Override
    public boolean putIfNewer(Transaction txn, UserProfile profile) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        UserProfile stored = profiles.get(profile.username());
        if (stored != null && stored.version() >= profile.version()) {
            return false;
        }
        profiles.put(profile.username(), profile);
        return true;
    }

    @Override
    public Optional<UserProfile> find(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(profiles.get(username));
    }

    @Override
    public boolean remove(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        boolean profile = profiles.remove(username) != null;
        return shared.remove(username) != null || profile;
    }

    @Override
    public long sharedVersion(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return shared.getOrDefault(username, 0L);
    }

    @Override
    public void setSharedVersion(Transaction txn, String username, long version) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        shared.put(username, version);
    }
}
