package dev.parley.desktop.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When each contact was last heard from as online (issue #14, presence), kept so that "last seen" survives a restart.
 * Local only; a contact's row goes with the contact.
 */
public interface PresenceStore {

    /** Records that {@code username} was seen at {@code at}; an earlier time than the stored one changes nothing. */
    void recordSeen(Transaction txn, String username, Instant at) throws StorageException;

    Optional<Instant> lastSeen(Transaction txn, String username) throws StorageException;

    /** Every recorded last-seen time, by username. */
    Map<String, Instant> all(Transaction txn) throws StorageException;

    /** Forgets {@code username}'s last-seen time; false if there was none. */
    boolean remove(Transaction txn, String username) throws StorageException;
}
