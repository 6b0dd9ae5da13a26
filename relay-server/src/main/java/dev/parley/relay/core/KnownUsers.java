package dev.parley.relay.core;

import dev.parley.crypto.wire.Usernames;
import dev.parley.relay.store.AccountStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a username names an account, split from {@link RelayService}: a user once found (or registered here) is
 * remembered, as accounts are never deleted; one never found is asked of the store each time.
 */
final class KnownUsers implements Predicate<String> {
    private final AccountStore accounts;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    KnownUsers(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** A user that registered on this relay. */
    void add(String username) {
        known.add(username);
    }

    @Override
    public boolean test(String username) {
        if (known.contains(username)) {
            return true;
        }
        if (!Usernames.isValid(username) || accounts.find(username).isEmpty()) {
            return false;
        }
        known.add(username);
        return true;
    }
}
