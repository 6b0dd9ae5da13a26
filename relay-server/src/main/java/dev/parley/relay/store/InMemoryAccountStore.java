package dev.parley.relay.store;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.OneTimePreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AccountStore} in memory, for tests and a relay run without a data directory. */
public final class InMemoryAccountStore implements AccountStore {
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Deque<OneTimePreKeyPublic>> preKeys = new HashMap<>();
    private final Map<String, Deque<KemPreKeyPublic>> kemPreKeysOf = new HashMap<>();
    private final Map<String, KemPreKeyPublic> lastResortKem = new HashMap<>();
    private final Map<String, Invite> invites = new LinkedHashMap<>();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();

    @Override
    public synchronized Registration register(Account account, List<OneTimePreKeyPublic> oneTimePreKeys,
                                              KemPreKeys kemPreKeys, String inviteCode, Instant now) {
        if (accounts.containsKey(account.username())) {
            return Registration.USERNAME_TAKEN;
        }
        if (inviteCode != null) {
            Invite invite = invites.get(inviteCode);
            if (invite == null || !invite.usable()) {
                return Registration.INVALID_INVITE;
            }
            invites.put(inviteCode, new Invite(inviteCode, invite.createdAt(), Optional.of(now), false));
        }
        accounts.put(account.username(), account);
        preKeys.put(account.username(), new ArrayDeque<>());
        kemPreKeysOf.put(account.username(), new ArrayDeque<>());
        addOneTime(account.username(), oneTimePreKeys);
        addKemPreKeys(account.username(), kemPreKeys);
        return Registration.CREATED;
    }

    @Override
    public synchronized Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    @Override
    public synchronized Optional<PreKeyBundle> takeBundle(String username, boolean withOneTimePreKeys) {
        Account account = accounts.get(username);
        KemPreKeyPublic lastResort = lastResortKem.get(username);
        if (account == null || lastResort == null) {
            return Optional.empty();
        }
        OneTimePreKeyPublic oneTime = withOneTimePreKeys ? preKeys.get(username).pollFirst() : null;
        KemPreKeyPublic kem = withOneTimePreKeys ? kemPreKeysOf.get(username).pollFirst() : null;
        return Optional.of(new PreKeyBundle(account.identityKey(), account.signedPreKey(), Optional.ofNullable(oneTime),
                kem != null ? kem : lastResort));
    }

    @Override
    public synchronized void addKemPreKeys(String username, KemPreKeys kemPreKeys) {
        Deque<KemPreKeyPublic> stock = kemPreKeysOf.get(username);
        if (stock == null) {
            return;
        }
        if (kemPreKeys.lastResort() != null) {
            lastResortKem.put(username, kemPreKeys.lastResort());
        }
        for (KemPreKeyPublic key : kemPreKeys.oneTime()) {
            if (stock.stream().noneMatch(k -> k.id() == key.id())) {
                stock.addLast(key);
            }
        }
    }

    @Override
    public synchronized void addPreKeys(String username, SignedPreKeyPublic newSignedPreKey,
                                        List<OneTimePreKeyPublic> oneTimePreKeys) {
        Account account = accounts.get(username);
        if (account == null) {
            return;
        }
        if (newSignedPreKey != null) {
            accounts.put(username, new Account(username, account.identityKey(), newSignedPreKey));
        }
        addOneTime(username, oneTimePreKeys);
    }

    @Override
    public synchronized void replacePreKeys(String username, SignedPreKeyPublic signedPreKey,
                                            List<OneTimePreKeyPublic> oneTimePreKeys, KemPreKeys kemPreKeys) {
        if (!accounts.containsKey(username)) {
            return;
        }
        preKeys.get(username).clear();
        kemPreKeysOf.get(username).clear();
        addPreKeys(username, signedPreKey, oneTimePreKeys);
        addKemPreKeys(username, kemPreKeys);
    }

    private void addOneTime(String username, List<OneTimePreKeyPublic> keys) {
        Deque<OneTimePreKeyPublic> stock = preKeys.get(username);
        for (OneTimePreKeyPublic key : keys) {
            if (stock.stream().noneMatch(k -> k.id() == key.id())) {
                stock.addLast(key);
            }
        }
    }

    @Override
    public synchronized int oneTimeEcPreKeyCount(String username) {
        Deque<OneTimePreKeyPublic> stock = preKeys.get(username);
        return stock == null ? 0 : stock.size();
    }

    @Override
    public synchronized int oneTimeKemPreKeyCount(String username) {
        Deque<KemPreKeyPublic> stock = kemPreKeysOf.get(username);
        return stock == null ? 0 : stock.size();
    }

    @Override
    public synchronized long accountCount() {
        return accounts.size() - devices.linkedCount();
    }

    @Override
    public synchronized void delete(String username) {
        accounts.remove(username);
        preKeys.remove(username);
        kemPreKeysOf.remove(username);
        lastResortKem.remove(username);
    }

    @Override
    public DeviceStore devices() {
        return devices;
    }

    @Override
    public synchronized void addInvite(String code, Instant createdAt) {
        invites.putIfAbsent(code, new Invite(code, createdAt, Optional.empty(), false));
    }

    @Override
    public synchronized List<Invite> invites() {
        return new ArrayList<>(invites.values());
    }

    @Override
    public synchronized boolean revokeInvite(String code) {
        Invite invite = invites.get(code);
        if (invite == null || invite.revoked()) {
            return false;
        }
        invites.put(code, new Invite(code, invite.createdAt(), invite.usedAt(), true));
        return true;
    }
}
