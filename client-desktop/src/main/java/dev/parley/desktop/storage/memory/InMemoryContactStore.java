package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ContactStore;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.IdentityKeyUpdate;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoreArguments;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

final class InMemoryContactStore implements ContactStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private TreeMap<String, Contact> contacts = new TreeMap<>();

    InMemoryContactStore(InMemoryTransactionManager manager) {
        this.manager = manager;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        return new TreeMap<>(contacts);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        contacts = (TreeMap<String, Contact>) snapshot;
    }

    @Override
    public boolean add(Transaction txn, Contact contact) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return contacts.putIfAbsent(contact.username(), contact) == null;
    }

    @Override
    public Optional<Contact> find(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return Optional.ofNullable(contacts.get(username));
    }

    @Override
    public List<Contact> list(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return new ArrayList<>(contacts.values());
    }

    @Override
    public IdentityKeyUpdate updateIdentityKey(Transaction txn, String username, byte[] identityKey)
            throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Contact c = contacts.get(username);
        if (c == null) {
            return IdentityKeyUpdate.NOT_FOUND;
        }
        if (Arrays.equals(c.identityKey(), identityKey)) {
            return IdentityKeyUpdate.UNCHANGED;
        }
        contacts.put(username, new Contact(username, identityKey, false, IdentityChangeState.CHANGED_UNACKNOWLEDGED,
                c.displayName(), c.createdAt()));
        return IdentityKeyUpdate.CHANGED;
    }

    @Override
    public boolean setVerified(Transaction txn, String username, boolean verified) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Contact c = contacts.get(username);
        if (c == null) {
            return false;
        }
        IdentityChangeState change = verified ? IdentityChangeState.NONE : c.identityChange();
        contacts.put(username, new Contact(username, c.identityKey(), verified, change, c.displayName(),
                c.createdAt()));
        return true;
    }

    @Override
    public boolean acknowledgeIdentityChange(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Contact c = contacts.get(username);
        if (c == null) {
            return false;
        }
        contacts.put(username, new Contact(username, c.identityKey(), c.verified(), IdentityChangeState.NONE,
                c.displayName(), c.createdAt()));
        return true;
    }

    @Override
    public boolean setIdentityChange(Transaction txn, String username, IdentityChangeState state) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        Contact c = contacts.get(username);
        if (c == null) {
            return false;
        }
        contacts.put(username, new Contact(username, c.identityKey(), c.verified(), state, c.displayName(), c.createdAt()));
        return true;
    }

    @Override
    public boolean setDisplayName(Transaction txn, String username, String displayName) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        StoreArguments.checkDisplayName(displayName);
        Contact c = contacts.get(username);
        if (c == null) {
            return false;
        }
        contacts.put(username, new Contact(username, c.identityKey(), c.verified(), c.identityChange(), displayName,
                c.createdAt()));
        return true;
    }

    @Override
    public boolean remove(Transaction txn, String username) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return contacts.remove(username) != null;
    }
}
