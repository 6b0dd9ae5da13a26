package dev.parley.desktop.storage;

import java.util.Optional;

/** Profiles (issue #14): the own one and those contacts shared, keyed by username; and what was sent to whom. */
public interface ProfileStore {

    /** Stores {@code profile} unless a profile of the same or a higher version is stored; returns whether it did. */
    boolean putIfNewer(Transaction txn, UserProfile profile) throws StorageException;

    Optional<UserProfile> find(Transaction txn, String username) throws StorageException;

    /** Forgets the profile of {@code username} and what was sent to them; false if there was nothing. */
    boolean remove(Transaction txn, String username) throws StorageException;

    /** The version of the own profile last sent to {@code username}; 0 if none. */
    long sharedVersion(Transaction txn, String username) throws StorageException;

    void setSharedVersion(Transaction txn, String username, long version) throws StorageException;
}
