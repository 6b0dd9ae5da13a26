package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.service.messaging.ReplayGuard;
import dev.parley.desktop.service.messaging.SenderVerifier;
import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.ReceivedEnvelope;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores a {@link SortedBatch} in one transaction: envelopes held apart, the base keys of first messages
 * ({@link ReplayGuard}), the new session state and contacts, the handlers' effects, a record of every envelope (by
 * digest) and the outcome of each redelivery; then publishes the session state and runs the handlers' after-commit
 * work.
 */
final class BatchCommit {
    private final ProfileCrypto crypto;
    private final SenderVerifier verifier;
    private final ReplayGuard replayGuard;
    private final PayloadHandlers handlers;
    private final SessionRestarts restarts;

    BatchCommit(ProfileCrypto crypto, SenderVerifier verifier, ReplayGuard replayGuard, PayloadHandlers handlers,
                SessionRestarts restarts) {
        this.crypto = crypto;
        this.verifier = verifier;
        this.replayGuard = replayGuard;
        this.handlers = handlers;
        this.restarts = restarts;
    }

    void commit(SortedBatch sorted) throws StorageException {
        Outcome[] outcomes = sorted.outcomes;
        ReceivedBatch batch = new ReceivedBatch(outcomes, crypto.context().clock().instant());
        long nowMillis = crypto.context().clock().millis();
        ProtocolUnitOfWork work = sorted.work;
        storage().transactions().transaction(false, txn -> {
            for (Held h : sorted.held) {
                verifier.hold(txn, h.sender(), h.identityKey(), h.delivery().blob(), h.delivery().receivedAtMillis());
            }
            replayGuard.rememberAll(txn, sorted.accepted, nowMillis);
            for (ProtocolUnitOfWork.IdentityOutcome outcome : work.commit(txn)) {
                if (outcome.added()) {
                    verifier.markRequest(txn, outcome.username());
                    txn.attach(new ContactChangedEvent(storage().contacts().find(txn, outcome.username()).orElseThrow(),
                            ContactChangedEvent.Change.ADDED));
                }
            }
            for (String sender : sorted.restarted) {
                if (!announcedRestore(sorted.decrypted, sender)) {
                    restarts.record(txn, sender);
                }
            }
            sorted.devices.record(txn);
            handlers.apply(txn, sorted.decrypted, batch);
            List<ReceivedEnvelope> records = new ArrayList<>(sorted.decrypted.size() + sorted.ignored.size());
            for (Received<?> r : sorted.decrypted) {
                records.add(new ReceivedEnvelope(r.digest(), handlers.storedMessage(r.payload())));
            }
            for (EnvelopeDigest digest : sorted.ignored) {
                records.add(new ReceivedEnvelope(digest, Optional.empty()));
            }
            storage().receivedEnvelopes().recordAll(txn, records);
            for (SortedBatch.Redelivered r : sorted.redelivered) {
                outcomes[r.index()] = isSafelyStored(txn, r.digest()) ? Outcome.DUPLICATE : Outcome.UNCONFIRMED;
            }
        });
        work.committed();
        batch.committed();
    }

    /** Whether {@code sender} said in this batch that they restored a backup (RESTORED has its own line). */
    private static boolean announcedRestore(List<Received<?>> decrypted, String sender) {
        return decrypted.stream().anyMatch(r -> r.sender().equals(sender) && r.payload() instanceof Payload.Restored);
    }

    /** True if the envelope was committed: its message is in the history, or it was a control message and applied. */
    private boolean isSafelyStored(Transaction txn, EnvelopeDigest digest) throws StorageException {
        Optional<ReceivedEnvelope> record = storage().receivedEnvelopes().find(txn, digest);
        if (record.isEmpty()) {
            return false;
        }
        Optional<MessageId> message = record.get().messageId();
        return message.isEmpty() || storage().messages().find(txn, message.get()).isPresent();
    }

    private Storage storage() {
        return crypto.storage();
    }
}
