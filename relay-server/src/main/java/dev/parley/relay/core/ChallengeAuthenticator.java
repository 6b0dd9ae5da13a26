package dev.parley.relay.core;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.primitives.InvalidSignatureException;
import dev.parley.crypto.primitives.RandomSource;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.ErrorCode;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.relay.store.Account;
import dev.parley.relay.store.AccountStore;
import java.time.Clock;
import java.time.Duration;
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

    /** A fresh sender certificate (serialized) for an authenticated account. */
    byte[] certificateFor(Account account) {
        return SenderCertificate.issue(ed25519, identity.signingKey(), identity.signingKeyId(), account.username(),
                account.identityKey(), clock.millis() + CERTIFICATE_LIFETIME.toMillis()).serialize();
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
        Optional<Account> account = accounts.find(answer.username());
        if (account.isEmpty()) {
            throw new RequestRejectedException(ErrorCode.AUTH_FAILED, "authentication failed");
        }
        try {
            ed25519.verify(account.get().identityKey(),
                    AuthProof.signedMessage(challenge.relayId(), challenge.nonce(), answer.username(),
                            identity.channel()), answer.signature());
        } catch (InvalidSignatureException e) {
            throw new RequestRejectedException(ErrorCode.AUTH_FAILED, "authentication failed");
        }
        return account.get();
    }
}
