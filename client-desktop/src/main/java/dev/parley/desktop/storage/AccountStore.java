package dev.parley.desktop.storage;

import java.util.Optional;

/** The profile's own account record (one per database). */
public interface AccountStore {

    /** Empty only before the profile's creation has stored it. */
    Optional<AccountInfo> get(Transaction txn) throws StorageException;

    /** Creates or replaces the account record. */
    void put(Transaction txn, AccountInfo account) throws StorageException;
}
