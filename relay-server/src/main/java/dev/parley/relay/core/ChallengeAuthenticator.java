package dev.parley.relay.core;

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
 * Issues single-use challenges and checks the identity-key signatures that answer them. The signed bytes bind a
 * domain label, this relay's id, the nonce and the username ({@link AuthProof}).
 */
final class ChallengeAuthenticator {
    private final byte[] relayId;
    private final Ed25519 ed25519;
    private final RandomSource random;
    private final AccountStore accounts;
    private final Clock clock;
    private final Duration ttl;

    ChallengeAuthenticator(byte[] relayId, Ed25519 ed25519, RandomSource random, AccountStore accounts, Clock clock,
                           Duration ttl) {
        this.relayId = relayId.clone();
        this.ed25519 = ed25519;
        this.random = random;
        this.accounts = accounts;
        this.clock = clock;
        this.ttl = ttl;
    }

    Push.Challenge newChallenge() {
        return new Push.Challenge(relayId, random.bytes(AuthProof.NONCE_BYTES), clock.millis() + ttl.toMillis());
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
                    AuthProof.signedMessage(challenge.relayId(), challenge.nonce(), answer.username()), answer.signature());
        } catch (InvalidSignatureException e) {
            throw new RequestRejectedException(ErrorCode.AUTH_FAILED, "authentication failed");
        }
        return account.get();
    }
}
