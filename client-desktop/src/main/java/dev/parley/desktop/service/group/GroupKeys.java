package dev.parley.desktop.service.group;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.SenderKeyRecord;
import dev.parley.desktop.storage.SecretNamespace;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Optional;

/** Sender keys (docs/protocol.md 1.15.1) per (group, sender), sealed in the secret store like session records. */
final class GroupKeys {
    static final SecretNamespace NAMESPACE = new SecretNamespace("group-sender-key");

    private final Storage storage;

    GroupKeys(Storage storage) {
        this.storage = storage;
    }

    private static String key(GroupId group, String sender) {
        return group.hex() + "/" + sender;
    }

    SenderKeyRecord record(Transaction txn, GroupId group, String sender) throws StorageException {
        Optional<byte[]> stored = storage.secrets().get(txn, NAMESPACE, key(group, sender));
        if (stored.isEmpty()) {
            return SenderKeyRecord.empty();
        }
        try {
            return SenderKeyRecord.deserialize(stored.get());
        } catch (InvalidMessageException e) {
            throw new StorageException("a stored sender key does not decode");
        }
    }

    void save(Transaction txn, GroupId group, String sender, SenderKeyRecord record) throws StorageException {
        storage.secrets().put(txn, NAMESPACE, key(group, sender), record.serialize());
    }

    void forget(Transaction txn, GroupId group, String sender) throws StorageException {
        storage.secrets().delete(txn, NAMESPACE, key(group, sender));
    }

    void forgetAll(Transaction txn, GroupId group) throws StorageException {
        String prefix = group.hex() + "/";
        for (String key : storage.secrets().keys(txn, NAMESPACE)) {
            if (key.startsWith(prefix)) {
                storage.secrets().delete(txn, NAMESPACE, key);
            }
        }
    }
}
