package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.List;

/**
 * The users this profile blocked: their envelopes are acknowledged and dropped unread, nothing is sent to them. A
 * blocked user need not be a contact. Local only; nobody is told.
 */
public interface BlockedStore {

    /** Blocks {@code username}; false (and nothing changes) if already blocked. */
    boolean block(Transaction txn, String username, Instant at) throws StorageException;

    /** Unblocks {@code username}; false if not blocked. */
    boolean unblock(Transaction txn, String username) throws StorageException;

    boolean isBlocked(Transaction txn, String username) throws StorageException;

    /** Every blocked username, sorted. */
    List<String> list(Transaction txn) throws StorageException;
}
