package dev.parley.desktop.storage;

import dev.parley.crypto.group.GroupId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The groups this profile knows (issue #15) and which members hold its current sender key per group. Sender keys
 * themselves are secrets ({@link SecretStore}).
 */
public interface GroupStore {

    Optional<StoredGroup> find(Transaction txn, GroupId id) throws StorageException;

    /** Every known group, in the order this profile first stored them. */
    List<StoredGroup> list(Transaction txn) throws StorageException;

    /** Records the group or replaces what was held for it. */
    void put(Transaction txn, StoredGroup group) throws StorageException;

    /**
     * Forgets the group (its conversation was deleted): its state, key holders and join requests; false if it was not
     * held. A later change that adds this profile makes it a new group here.
     */
    boolean remove(Transaction txn, GroupId id) throws StorageException;

    /** The members recorded as holding this profile's sender key {@code keyId} for the group. */
    Set<String> keyHolders(Transaction txn, GroupId id, int keyId) throws StorageException;

    void addKeyHolders(Transaction txn, GroupId id, int keyId, Collection<String> members) throws StorageException;

    /** Forgets every key holder of the group (a new sender key starts with none). */
    void clearKeyHolders(Transaction txn, GroupId id) throws StorageException;

    /**
     * Issue #17: {@code member} no longer holds any of this profile's sender keys (they restored a backup), so the
     * next message to each group they are in carries the current key to them again.
     */
    void forgetKeyHolder(Transaction txn, String member) throws StorageException;

    /** Records a verified join request; false (and the first time kept) if this person already has one waiting. */
    boolean addJoinRequest(Transaction txn, GroupId id, GroupJoinRequest request) throws StorageException;

    /** The group's waiting join requests, oldest first. */
    List<GroupJoinRequest> joinRequests(Transaction txn, GroupId id) throws StorageException;

    /** Forgets the join requests of these people (added, or denied); returns how many there were. */
    int removeJoinRequests(Transaction txn, GroupId id, Collection<String> usernames) throws StorageException;

    /** When this profile last asked an admin for the group's current state (resynchronisation, 1.15.2); empty: never. */
    Optional<java.time.Instant> stateRequestedAt(Transaction txn, GroupId id) throws StorageException;

    /** Records that this profile asked for the group's state at {@code at} (replacing the time before). */
    void stateRequested(Transaction txn, GroupId id, java.time.Instant at) throws StorageException;

    /** When this profile, as an admin, last answered {@code member}'s request for the group's state; empty: never. */
    Optional<java.time.Instant> stateAnsweredAt(Transaction txn, GroupId id, String member) throws StorageException;

    /** Records that this profile answered {@code member}'s state request at {@code at} (replacing the time before). */
    void stateAnswered(Transaction txn, GroupId id, String member, java.time.Instant at) throws StorageException;

    /**
     * Records that these people were removed from the group (resynchronisation, 1.15.2: a removed member that missed its
     * removal is told when it writes or asks); forgotten with the group.
     */
    void markRemoved(Transaction txn, GroupId id, Collection<String> members) throws StorageException;

    /** These people are members again (added back): no longer recorded as removed. */
    void unmarkRemoved(Transaction txn, GroupId id, Collection<String> members) throws StorageException;

    /** Whether {@code member} is recorded as removed from the group. */
    boolean wasRemoved(Transaction txn, GroupId id, String member) throws StorageException;
}
