package dev.parley.relay.core;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.InvalidSignatureException;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Usernames;
import dev.parley.relay.store.Account;
import dev.parley.relay.store.AccountStore;
import dev.parley.relay.store.Device;
import dev.parley.relay.store.DeviceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Issues single-use challenges, checks the identity-key signatures that answer them, checks registration proofs and
 * signs the sender certificate of each login. The signed bytes bind a domain label, this relay's id, the nonce, the
 * TLS channel and the username ({@link AuthProof}).
 */
final class ChallengeAuthenticator {
    /** How long a sender certificate is valid; clients get a fresh one at every login. */
    static final Duration CERTIFICATE_LIFETIME = Duration.ofDays(7);

    private final RelayIdentity identity;
    private final Ed25519 ed25519;
    private final RandomSource random;
    private final AccountStore accounts;
    private final Clock clock;
    private final Duration ttl;

    ChallengeAuthenticator(RelayIdentity identity, Ed25519 ed25519, RandomSource random, AccountStore accounts,
                           Clock clock, Duration ttl) {
        this.identity = identity;
        this.ed25519 = ed25519;
        this.random = random;
        this.accounts = accounts;
        this.clock = clock;
        this.ttl = ttl;
    }

    Push.Challenge newChallenge() {
        return new Push.Challenge(identity.relayId(), random.bytes(AuthProof.NONCE_BYTES),
                clock.millis() + ttl.toMillis(), identity.signingKey().publicKey());
    }

    /** Checks that a registration's proof is the identity key's signature for this relay and username. */
    void verifyRegistration(Request.Register register) throws RequestRejectedException {
        try {
            ed25519.verify(register.identityKey(),
                    AuthProof.registrationMessage(identity.relayId(), register.username()), register.proof());
        } catch (InvalidSignatureException e) {
            throw new RequestRejectedException(ErrorCode.INVALID_SIGNATURE,
                    "the registration proof does not verify against the identity key for this relay and username");
        }
    }

    /**
     * A fresh sender certificate (serialized) for an authenticated device of an account: version 1 for device 1,
     * version 2 naming the device for any other (issue #17).
     */
    byte[] certificateFor(Account account, int deviceId) {
        return SenderCertificate.issue(ed25519, identity.signingKey(), identity.signingKeyId(), account.username(),
                deviceId, account.identityKey(), clock.millis() + CERTIFICATE_LIFETIME.toMillis()).serialize();
    }

    /**
     * Checks an answer to {@code challenge}, which the caller has already discarded (single use).
     *
     * @return the authenticated account
     */
    Account verify(Push.Challenge challenge, Request.Authenticate answer) throws RequestRejectedException {
        if (challenge == null || clock.millis() > challenge.expiresAtMillis()) {
            throw new RequestRejectedException(ErrorCode.CHALLENGE_EXPIRED,
                    "no valid challenge: answer the fresh challenge that follows");
        }
        Account account = existing(answer.username());
        verifySignature(account.identityKey(), AuthProof.signedMessage(challenge.relayId(), challenge.nonce(),
                answer.username(), identity.channel()), answer.signature(), ErrorCode.AUTH_FAILED);
        // The identity key logs in device 1 only while device 1 has no credential key of its own.
        DeviceStore devices = accounts.devices();
        Optional<Device> first = devices.find(account.username(), 1);
        if (first.isEmpty()) {
            devices.ensureFirst(account.username(), account.identityKey(), clock.instant());
            first = devices.find(account.username(), 1);
        }
        if (first.isEmpty() || !Arrays.equals(first.get().credentialKey(), account.identityKey())) {
            throw new RequestRejectedException(ErrorCode.AUTH_FAILED, "authentication failed");
        }
        if (first.get().unlinked()) {
            throw unlinked();
        }
        return account;
    }

    /**
     * Checks a device's answer to {@code challenge} (already discarded) against its credential key.
     *
     * @return the authenticated account
     */
    Account verifyDevice(Push.Challenge challenge, Request.DeviceAuthenticate answer) throws RequestRejectedException {
        if (challenge == null || clock.millis() > challenge.expiresAtMillis()) {
            throw new RequestRejectedException(ErrorCode.CHALLENGE_EXPIRED,
                    "no valid challenge: answer the fresh challenge that follows");
        }
        Account account = existing(answer.username());
        Device device = accounts.devices().find(answer.username(), answer.deviceId())
                .orElseThrow(() -> new RequestRejectedException(ErrorCode.AUTH_FAILED, "authentication failed"));
        verifySignature(device.credentialKey(), AuthProof.deviceMessage(challenge.relayId(), challenge.nonce(),
                answer.username(), answer.deviceId(), identity.channel()), answer.signature(), ErrorCode.AUTH_FAILED);
        if (device.unlinked()) {
            throw unlinked();
        }
        return account;
    }

    /** Checks a device's proof of a new credential key for itself. */
    void verifyCredential(String username, int deviceId, Request.DeviceCredential credential)
            throws RequestRejectedException {
        verifySignature(credential.credentialKey(),
                AuthProof.deviceCredentialMessage(identity.relayId(), username, deviceId), credential.proof(),
                ErrorCode.INVALID_SIGNATURE);
    }

    /** Checks a new device's proof of its credential key. */
    void verifyDeviceAdd(String username, Request.DeviceAdd add) throws RequestRejectedException {
        verifySignature(add.credentialKey(), AuthProof.deviceAddMessage(identity.relayId(), username), add.proof(),
                ErrorCode.INVALID_SIGNATURE);
    }

    /** An account by its username; never a device address (an address is not a valid username). */
    private Account existing(String username) throws RequestRejectedException {
        Optional<Account> account = Usernames.isValid(username) ? accounts.find(username) : Optional.empty();
        if (account.isEmpty()) {
            throw new RequestRejectedException(ErrorCode.AUTH_FAILED, "authentication failed");
        }
        return account.get();
    }

    private void verifySignature(byte[] key, byte[] message, byte[] signature, ErrorCode code)
            throws RequestRejectedException {
        try {
            ed25519.verify(key, message, signature);
        } catch (InvalidSignatureException e) {
            throw new RequestRejectedException(code, code == ErrorCode.AUTH_FAILED ? "authentication failed"
                    : "the proof does not verify against the new credential key");
        }
    }

    private static RequestRejectedException unlinked() {
        return new RequestRejectedException(ErrorCode.DEVICE_UNLINKED,
                "this device was unlinked from its account; it cannot log in again");
    }
}
