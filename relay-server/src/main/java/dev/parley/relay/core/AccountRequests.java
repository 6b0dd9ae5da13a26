package dev.parley.relay.core;

import dev.parley.crypto.prekey.KemPreKeyPublic;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.prekey.SignedPreKeyPublic;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.InvalidSignatureException;
import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Usernames;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimitExceededException;
import dev.parley.relay.limits.RateLimiter;
import dev.parley.relay.store.Account;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.KemPreKeys;
import dev.parley.relay.store.Registration;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The directory side of the relay protocol, split from {@link RelayService}: registration, prekey uploads (every
 * signature checked against the identity key, one-time prekeys capped), bundle fetches and exact-username look-ups.
 */
final class AccountRequests {
    private final RelayConfig config;
    private final AccountStore accounts;
    private final RateLimiter limiter;
    private final ChallengeAuthenticator authenticator;
    private final OneTimePreKeyGate oneTimeGate;
    private final ConnectionRegistry registry;
    private final Ed25519 ed25519;
    private final Clock clock;
    /** Told each username registered here. */
    private final Consumer<String> registered;

    AccountRequests(RelayConfig config, AccountStore accounts, RateLimiter limiter, ChallengeAuthenticator authenticator,
                    OneTimePreKeyGate oneTimeGate, ConnectionRegistry registry, Ed25519 ed25519, Clock clock,
                    Consumer<String> registered) {
        this.config = config;
        this.accounts = accounts;
        this.limiter = limiter;
        this.authenticator = authenticator;
        this.oneTimeGate = oneTimeGate;
        this.registry = registry;
        this.ed25519 = ed25519;
        this.clock = clock;
        this.registered = registered;
    }

    Response register(ClientConnection connection, Request.Register register)
            throws RequestRejectedException, RateLimitExceededException {
        limiter.check(RateLimit.REGISTER_PER_ADDRESS, connection.sink().remoteAddress());
        if (!Usernames.isValid(register.username())) {
            throw new RequestRejectedException(ErrorCode.INVALID_USERNAME,
                    "usernames are 3-32 characters of a-z 0-9 . _ - starting with a letter or digit");
        }
        if (config.inviteOnly() && (register.inviteCode() == null || register.inviteCode().isBlank())) {
            throw new RequestRejectedException(ErrorCode.INVALID_INVITE, "this relay is invite-only: an invite code is required");
        }
        verifySignedPreKey(register.identityKey(), register.signedPreKey());
        authenticator.verifyRegistration(register);
        KemPreKeys kemPreKeys = new KemPreKeys(register.lastResortKemPreKey(), register.kemPreKeys());
        verifyKemPreKeys(register.identityKey(), kemPreKeys);
        checkPreKeyCap(0, Math.max(register.oneTimePreKeys().size(), kemPreKeys.oneTime().size()));
        Account account = new Account(register.username(), register.identityKey(), register.signedPreKey());
        Registration outcome = accounts.register(account, register.oneTimePreKeys(), kemPreKeys,
                config.inviteOnly() ? register.inviteCode() : null, clock.instant());
        switch (outcome) {
            case CREATED:
                accounts.devices().reset(register.username(), register.identityKey(), clock.instant());
                registered.accept(register.username());
                return new Response.Ok();
            case USERNAME_TAKEN:
                throw new RequestRejectedException(ErrorCode.USERNAME_TAKEN, "that username is taken");
            case INVALID_INVITE:
                throw new RequestRejectedException(ErrorCode.INVALID_INVITE, "the invite code is unknown, used or revoked");
            default:
                throw new IllegalStateException("unexpected registration outcome");
        }
    }

    Response fetchBundle(ClientConnection connection, DeviceConnection device, Request.FetchBundle fetch)
            throws RequestRejectedException, RateLimitExceededException {
        return fetchBundle(connection, device, fetch.username(), 1);
    }

    /** One device's bundle ({@code fetch_bundle} is device 1's); the caller checked the device is current. */
    Response fetchBundle(ClientConnection connection, DeviceConnection device, String username, int deviceId)
            throws RequestRejectedException, RateLimitExceededException {
        connection.buckets().check(RateLimit.DIRECTORY_PER_CONNECTION);
        limiter.check(RateLimit.DIRECTORY_PER_ADDRESS, connection.sink().remoteAddress());
        if (!Usernames.isValid(username)) {
            throw new RequestRejectedException(ErrorCode.UNKNOWN_USER, "no such user");
        }
        String address = DeviceAddress.of(username, deviceId);
        Optional<PreKeyBundle> bundle = accounts.takeBundle(address,
                oneTimeGate.allowOneTime(device.account(), address));
        if (bundle.isEmpty()) {
            throw new RequestRejectedException(ErrorCode.UNKNOWN_USER,
                    "no such user, or no post-quantum prekeys published (Parley 0.2 or later needed)");
        }
        int remaining = accounts.oneTimePreKeyCount(address);
        if (remaining < config.preKeyLowThreshold()) {
            ClientConnection owner = registry.find(address);
            if (owner != null) {
                owner.sink().send(Envelope.push(new Push.PreKeysLow(remaining)));
            }
        }
        return new Response.Bundle(username, bundle.get());
    }

    /** Exists or not, for an exact username; nothing is logged or stored about who asked for whom. */
    Response lookup(DeviceConnection device, Request.Lookup lookup) throws RateLimitExceededException {
        limiter.check(RateLimit.LOOKUP_PER_ACCOUNT, device.account());
        return new Response.LookupResult(Usernames.isValid(lookup.username()) && accounts.find(lookup.username()).isPresent());
    }

    Response upload(DeviceConnection device, Request.UploadPreKeys upload)
            throws RequestRejectedException, RateLimitExceededException {
        limiter.check(RateLimit.UPLOAD_PREKEYS_PER_ACCOUNT, device.account());
        KemPreKeys kemPreKeys = new KemPreKeys(upload.lastResortKemPreKey(), upload.kemPreKeys());
        if (!upload.oneTimePreKeys().isEmpty()) {
            checkPreKeyCap(accounts.oneTimeEcPreKeyCount(device.username()), upload.oneTimePreKeys().size());
        }
        if (!kemPreKeys.oneTime().isEmpty()) {
            checkPreKeyCap(accounts.oneTimeKemPreKeyCount(device.username()), kemPreKeys.oneTime().size());
        }
        if (upload.signedPreKey() != null || kemPreKeys.lastResort() != null || !kemPreKeys.oneTime().isEmpty()) {
            Account account = accounts.find(device.username())
                    .orElseThrow(() -> new RequestRejectedException(ErrorCode.UNKNOWN_USER, "account no longer exists"));
            if (upload.signedPreKey() != null) {
                verifySignedPreKey(account.identityKey(), upload.signedPreKey());
            }
            verifyKemPreKeys(account.identityKey(), kemPreKeys);
        }
        accounts.addPreKeys(device.username(), upload.signedPreKey(), upload.oneTimePreKeys());
        if (kemPreKeys.lastResort() != null || !kemPreKeys.oneTime().isEmpty()) {
            accounts.addKemPreKeys(device.username(), kemPreKeys);
        }
        return new Response.PreKeyCount(accounts.oneTimePreKeyCount(device.username()));
    }

    /**
     * Issue #17: a restored profile replaces all its prekeys in one step (the old private halves are gone). Every key
     * is verified before anything changes; counts within the frame limits are always under the cap.
     */
    Response replace(DeviceConnection device, Request.ReplacePreKeys replace)
            throws RequestRejectedException, RateLimitExceededException {
        limiter.check(RateLimit.UPLOAD_PREKEYS_PER_ACCOUNT, device.username());
        KemPreKeys kemPreKeys = new KemPreKeys(replace.lastResortKemPreKey(), replace.kemPreKeys());
        checkPreKeyCap(0, Math.max(replace.oneTimePreKeys().size(), kemPreKeys.oneTime().size()));
        Account account = accounts.find(device.username())
                .orElseThrow(() -> new RequestRejectedException(ErrorCode.UNKNOWN_USER, "account no longer exists"));
        verifySignedPreKey(account.identityKey(), replace.signedPreKey());
        verifyKemPreKeys(account.identityKey(), kemPreKeys);
        accounts.replacePreKeys(device.username(), replace.signedPreKey(), replace.oneTimePreKeys(), kemPreKeys);
        return new Response.PreKeyCount(accounts.oneTimePreKeyCount(device.username()));
    }

    /**
     * Refuses an upload that would take one kind of one-time prekeys past the cap. Counts what is held plus what
     * comes (ids already held would be ignored by the store, so a re-upload may be refused a little early).
     */
    void checkPreKeyCap(int held, int adding) throws RequestRejectedException {
        int cap = config.options().maxOneTimePreKeys();
        if ((long) held + adding > cap) {
            throw new RequestRejectedException(ErrorCode.PREKEY_LIMIT,
                    "the relay keeps at most " + cap + " one-time prekeys per account; " + held + " are held");
        }
    }

    void verifySignedPreKey(byte[] identityKey, SignedPreKeyPublic signedPreKey) throws RequestRejectedException {
        try {
            ed25519.verify(identityKey, signedPreKey.signedMessage(), signedPreKey.signature());
        } catch (InvalidSignatureException e) {
            throw new RequestRejectedException(ErrorCode.INVALID_SIGNATURE,
                    "the signed prekey's signature does not verify against the identity key");
        }
    }

    void verifyKemPreKeys(byte[] identityKey, KemPreKeys keys) throws RequestRejectedException {
        java.util.List<KemPreKeyPublic> all = new java.util.ArrayList<>(keys.oneTime());
        if (keys.lastResort() != null) {
            all.add(keys.lastResort());
        }
        for (KemPreKeyPublic key : all) {
            try {
                ed25519.verify(identityKey, key.signedMessage(), key.signature());
            } catch (InvalidSignatureException e) {
                throw new RequestRejectedException(ErrorCode.INVALID_SIGNATURE,
                        "a KEM prekey's signature does not verify against the identity key");
            }
        }
    }
}
