package dev.parley.desktop.storage.memory;

import dev.parley.crypto.group.GroupId;
import dev.parley.desktop.storage.GroupJoinRequest;
import dev.parley.desktop.storage.GroupStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class InMemoryGroupStore implements GroupStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private LinkedHashMap<GroupId, StoredGroup> groups = new LinkedHashMap<>();
    private HashMap<GroupId, HashMap<Integer, Set<String>>> holders = new HashMap<>();
    private HashMap<GroupId, LinkedHashMap<String, GroupJoinRequest>> requests = new HashMap<>();
    /** Resynchronisation times: a group's id for this profile's own requests, "id/member" for answers. */
    private HashMap<String, java.time.Instant> resyncTimes = new HashMap<>();
    /** Members removed from a group, as "id/member". */
    private HashSet<String> removed = new HashSet<>();

    InMemoryGroupStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    private record State(LinkedHashMap<GroupId, StoredGroup> groups,
                         HashMap<GroupId, HashMap<Integer, Set<String>>> holders,
                         HashMap<GroupId, LinkedHashMap<String, GroupJoinRequest>> requests,
                         HashMap<String, java.time.Instant> resyncTimes, HashSet<String> removed) {
    }

    @Override
    public Object snapshot() {
        HashMap<GroupId, HashMap<Integer, Set<String>>> copy = new HashMap<>();
        holders.forEach((group, byKey) -> {
            HashMap<Integer, Set<String>> keys = new HashMap<>();
            byKey.forEach((key, members) -> keys.put(key, new HashSet<>(members)));
            copy.put(group, keys);
        });
        HashMap<GroupId, LinkedHashMap<String, GroupJoinRequest>> waiting = new HashMap<>();
        requests.forEach((group, byName) -> waiting.put(group, new LinkedHashMap<>(byName)));
        return new State(new LinkedHashMap<>(groups), copy, waiting, new HashMap<>(resyncTimes), new HashSet<>(removed));
    }

    @Override
    public void restore(Object snapshot) {
        State state = (State) snapshot;
        groups = state.groups();
        holders = state.holders();
        requests = state.requests();
        resyncTimes = state.resyncTimes();
        removed = state.removed();
    }

    @Override
    public Optional<StoredGroup> find(Transaction txn, GroupId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(groups.get(id));
    }

    @Override
    public List<StoredGroup> list(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return new ArrayList<>(groups.values());
    }

    @Override
    public void put(Transaction txn, StoredGroup group) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        groups.put(group.state().id(), group);
    }

    @Override
    public boolean remove(Transaction txn, GroupId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        holders.remove(id);
        requests.remove(id);
        removed.removeIf(key -> key.startsWith(id.hex() + "/"));
        return groups.remove(id) != null;
    }

    @Override
    public Set<String> keyHolders(Transaction txn, GroupId id, int keyId) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return new HashSet<>(holders.getOrDefault(id, new HashMap<>()).getOrDefault(keyId, Set.of()));
    }

    @Override
    public void addKeyHolders(Transaction txn, GroupId id, int keyId, Collection<String> members)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        holders.computeIfAbsent(id, g -> new HashMap<>()).computeIfAbsent(keyId, k -> new HashSet<>()).addAll(members);
    }

    @Override
    public void clearKeyHolders(Transaction txn, GroupId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        holders.remove(id);
    }

    @Override
    public void forgetKeyHolder(Transaction txn, String member) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        for (HashMap<Integer, Set<String>> byKey : holders.values()) {
            for (Set<String> members : byKey.values()) {
                members.remove(member);
            }
        }
    }

    @Override
    public boolean addJoinRequest(Transaction txn, GroupId id, GroupJoinRequest request) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return requests.computeIfAbsent(id, g -> new LinkedHashMap<>()).putIfAbsent(request.username(), request) == null;
    }

    @Override
    public List<GroupJoinRequest> joinRequests(Transaction txn, GroupId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        List<GroupJoinRequest> out = new ArrayList<>(requests.getOrDefault(id, new LinkedHashMap<>()).values());
        out.sort(java.util.Comparator.comparing(GroupJoinRequest::requestedAt));
        return out;
    }

    @Override
    public int removeJoinRequests(Transaction txn, GroupId id, Collection<String> usernames) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        LinkedHashMap<String, GroupJoinRequest> waiting = requests.get(id);
        int removed = 0;
        for (String username : usernames) {
            if (waiting != null && waiting.remove(username) != null) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public Optional<java.time.Instant> stateRequestedAt(Transaction txn, GroupId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(resyncTimes.get(id.hex()));
    }

    @Override
    public void stateRequested(Transaction txn, GroupId id, java.time.Instant at) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        resyncTimes.put(id.hex(), at);
    }

    @Override
    public Optional<java.time.Instant> stateAnsweredAt(Transaction txn, GroupId id, String member)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(resyncTimes.get(id.hex() + "/" + member));
    }

    @Override
    public void stateAnswered(Transaction txn, GroupId id, String member, java.time.Instant at)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        resyncTimes.put(id.hex() + "/" + member, at);
    }

    @Override
    public void markRemoved(Transaction txn, GroupId id, Collection<String> members) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        members.forEach(m -> removed.add(id.hex() + "/" + m));
    }

    @Override
    public void unmarkRemoved(Transaction txn, GroupId id, Collection<String> members) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        members.forEach(m -> removed.remove(id.hex() + "/" + m));
    }

    @Override
    public boolean wasRemoved(Transaction txn, GroupId id, String member) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return removed.contains(id.hex() + "/" + member);
    }
}
