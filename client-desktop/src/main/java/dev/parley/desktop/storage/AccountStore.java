package dev.parley.desktop.storage;

import java.util.Optional;

/** The profile's own account record (one per database). */
public interface AccountStore {

    /** Empty only before the profile's creation has stored it. */
    Optional<AccountInfo> get(Transaction txn) throws StorageException;

    /** Creates or replaces the account record. */
    void put(Transaction txn, AccountInfo account) throws StorageException;

    /** The pinned relay, empty until the profile first met its relay (init, or the first v2 connection). */
    Optional<RelayPin> relayPin(Transaction txn) throws StorageException;

    /** Pins the relay; the account record must exist. */
    void pinRelay(Transaction txn, RelayPin pin) throws StorageException;

    /** The last sender certificate the relay issued to this account (serialized), if any. */
    Optional<byte[]> senderCertificate(Transaction txn) throws StorageException;

    /** Replaces the sender certificate; the account record must exist. */
    void putSenderCertificate(Transaction txn, byte[] certificate) throws StorageException;
}
