package dev.parley.relay.store;

import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, their prekeys and invite codes. Implementations are thread-safe; every method is atomic.
 * Usernames are assumed already validated. Implementations may store usernames only as keyed hashes, so nothing
 * here lists usernames.
 */
public interface AccountStore {

    /**
     * Creates an account with its one-time prekeys and KEM prekeys ({@code kemPreKeys.lastResort()} required). When
     * {@code inviteCode} is non-null the invite is consumed in the same transaction and must be usable; when null no
     * invite is checked.
     */
    Registration register(Account account, List<OneTimePreKeyPublic> oneTimePreKeys, KemPreKeys kemPreKeys,
                          String inviteCode, Instant now);

    Optional<Account> find(String username);

    /**
     * The user's bundle. With {@code withOneTimePreKeys} it atomically consumes the oldest one-time prekey and the
     * oldest one-time KEM prekey (the bundle has none of a kind whose stock is empty, and then carries the last-resort
     * KEM prekey); without, it consumes nothing and carries the last-resort KEM prekey. Empty when the user does not
     * exist or has no last-resort KEM prekey. Two concurrent calls never hand out the same one-time key.
     */
    Optional<PreKeyBundle> takeBundle(String username, boolean withOneTimePreKeys);

    /** Adds one-time prekeys (ids already held are ignored) and replaces the signed prekey when non-null. */
    void addPreKeys(String username, SignedPreKeyPublic newSignedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys);

    /** Adds one-time KEM prekeys (ids already held are ignored) and replaces the last-resort one when non-null. */
    void addKemPreKeys(String username, KemPreKeys kemPreKeys);

    /**
     * Issue #17: in one transaction, drops every one-time prekey and one-time KEM prekey of the user, stores the given
     * ones, and replaces the signed prekey and the last-resort KEM prekey ({@code kemPreKeys.lastResort()} required).
     * Does nothing for an unknown user.
     */
    void replacePreKeys(String username, SignedPreKeyPublic signedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys,
                        KemPreKeys kemPreKeys);

    /** How many one-time (X25519) prekeys the user has. */
    int oneTimeEcPreKeyCount(String username);

    /** How many one-time KEM prekeys the user has. */
    int oneTimeKemPreKeyCount(String username);

    /** How many one-time prekey sets the user has: the smaller of its one-time prekey and one-time KEM prekey counts. */
    default int oneTimePreKeyCount(String username) {
        return Math.min(oneTimeEcPreKeyCount(username), oneTimeKemPreKeyCount(username));
    }

    /** Accounts, not counting the key sets of linked devices (kept here under their device addresses). */
    long accountCount();

    /**
     * Deletes a key set and everything under it (its signed, one-time and KEM prekeys); used for an unlinked
     * device's address (docs/protocol.md, "Linked devices"). Does nothing when there is none.
     */
    void delete(String username);

    /** The devices of the accounts in this store. */
    DeviceStore devices();

    void addInvite(String code, Instant createdAt);

    List<Invite> invites();

    /** @return true when the code existed and was not yet revoked */
    boolean revokeInvite(String code);
}
