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
     * Creates an account with its one-time prekeys. When {@code inviteCode} is non-null the invite is consumed in
     * the same transaction and must be usable; when null no invite is checked.
     */
    Registration register(Account account, List<OneTimePreKeyPublic> oneTimePreKeys, String inviteCode, Instant now);

    Optional<Account> find(String username);

    /**
     * The user's bundle, atomically consuming the oldest one-time prekey; the bundle has none when the stock is
     * empty. Empty when the user does not exist. Two concurrent calls never hand out the same one-time prekey.
     */
    Optional<PreKeyBundle> takeBundle(String username);

    /** Adds one-time prekeys (ids already held are ignored) and replaces the signed prekey when non-null. */
    void addPreKeys(String username, SignedPreKeyPublic newSignedPreKey, List<OneTimePreKeyPublic> oneTimePreKeys);

    int oneTimePreKeyCount(String username);

    long accountCount();

    void addInvite(String code, Instant createdAt);

    List<Invite> invites();

    /** @return true when the code existed and was not yet revoked */
    boolean revokeInvite(String code);
}
