package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.desktop.crypto.EnvelopeDigests;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.messaging.Receipts;
import dev.parley.desktop.service.messaging.ReplayGuard;
import dev.parley.desktop.service.messaging.SenderVerifier;
import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.ReceivedEnvelope;
import dev.parley.desktop.storage.RefusedValueException;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path: opened envelope -> verified sender ({@link SenderVerifier}: certificate, key decision, replay of
 * first messages, {@link ReplayGuard}) -> decrypt -> dispatch to the
 * payload's handler ({@link PayloadHandlers}). A batch is decrypted on one protocol unit of work and committed in one
 * transaction: the handlers' effects, a record of every envelope (by digest, {@link EnvelopeDigests}) and the new
 * session state.
 *
 * <p>A redelivered envelope fails decryption with {@link DuplicateMessageException} (its message key is gone); it is
 * {@link Outcome#DUPLICATE} (acknowledged) only when its record is committed and its message is in the history. A used
 * message key is not proof of storage (the ratchet also reports keys it evicted, and a sender restored from a backup
 * reuses ratchet positions), so any other such envelope is {@link Outcome#UNCONFIRMED} and stays on the relay.
 *
 * <p>One envelope never holds up the others: if handling fails for any reason but broken storage, the batch is split
 * and retried down to the envelope at fault, which is {@link Outcome#REJECTED} (acknowledged).
 *
 * <p>Delivery receipts are sent every {@value #RECEIPT_BATCH} stored messages while the offline queue drains, when it
 * is empty, and immediately for live messages. While the queue drains, a {@link PickupProgressEvent} follows each
 * committed batch, and a final one (done) follows the queue-empty signal.
 */
public final class InboundPipeline implements InboundHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InboundPipeline.class);
    private static final int RECEIPT_BATCH = 200;

    private final ProfileCrypto crypto;
    private final SessionRestarts restarts;
    private final SenderVerifier verifier;
    private final MultiRecipientInbound multi;
    private final ReplayGuard replayGuard;
    private final PayloadHandlers handlers;
    private final Receipts receipts;
    private final EventBus events;
    private final EphemeralReceiver ephemeral;
    private final EnvelopeOpener opener = EnvelopeOpener.perCore();
    private volatile boolean pickingUp;
    /** Envelopes handed over since the current pickup started; touched only on the inbound thread. */
    private int pickupReceived;

    public InboundPipeline(ProfileCrypto crypto, SenderVerifier verifier, ReplayGuard replayGuard, PayloadHandlers handlers,
                           Receipts receipts, EventBus events) {
        this.crypto = crypto;
        this.restarts = new SessionRestarts(crypto);
        this.verifier = verifier;
        this.multi = new MultiRecipientInbound(verifier);
        this.replayGuard = replayGuard;
        this.handlers = handlers;
        this.receipts = receipts;
        this.events = events;
        this.ephemeral = new EphemeralReceiver(crypto, verifier, handlers);
    }

    @Override
    public void onPickupStarted() {
        opener.forget();
        pickupReceived = 0;
        pickingUp = true;
    }

    @Override
    public void onQueueDrained() {
        pickingUp = false;
        receipts.flush();
        events.publish(new PickupProgressEvent(pickupReceived, true));
    }

    @Override
    public Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob) throws StorageFailureException {
        return onDeliveries(List.of(new Delivery(relayMessageId, receivedAtMillis, blob))).get(0);
    }

    /** Starts opening the coming deliveries on the other cores ({@link EnvelopeOpener}). */
    @Override
    public void onUpcoming(List<Delivery> upcoming) {
        crypto.lock().lock();
        try {
            opener.start(upcoming, verifier.opening(), verifier.multiOpening());
        } catch (ServiceException | RuntimeException e) {
            LOG.debug("not opening ahead: {}", e.getClass().getSimpleName());
        } finally {
            crypto.lock().unlock();
        }
    }

    /**
     * The envelopes of {@code batch} opened in parallel (started ahead by {@link #onUpcoming}, or now), by delivery;
     * the others are opened in {@link #receive} as before. Under the protocol lock.
     */
    private Ahead openInParallel(List<Delivery> batch) {
        try {
            opener.start(batch, verifier.opening(), verifier.multiOpening());
            return new Ahead(opener.collect(batch), opener.collectMulti(batch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ServiceException | RuntimeException e) {
            LOG.debug("not opening in parallel: {}", e.getClass().getSimpleName());
        }
        return new Ahead(Map.of(), Map.of());
    }

    /** What the opening pool opened of a batch: sealed envelopes and multi-recipient ones, by delivery (identity). */
    private record Ahead(Map<Delivery, OpenedEnvelope> envelopes,
                         Map<Delivery, dev.parley.crypto.envelope.MultiRecipientSeal.Opened> multi) {
    }

    @Override
    public List<Outcome> onDeliveries(List<Delivery> batch) throws StorageFailureException {
        List<Outcome> outcomes;
        crypto.lock().lock();
        try {
            outcomes = receiveIsolating(batch, openInParallel(batch));
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store incoming messages", e);
        } finally {
            crypto.lock().unlock();
        }
        if (pickingUp) {
            pickupReceived += batch.size();
            events.publish(new PickupProgressEvent(pickupReceived, false));
        }
        if (!pickingUp || receipts.unsent() >= RECEIPT_BATCH) {
            receipts.flush();
        }
        return outcomes;
    }

    @Override
    public void onEphemeral(byte[] blob) {
        crypto.lock().lock();
        try {
            ephemeral.receive(blob, blocked());
        } catch (StorageException | ProtocolStorageException e) {
            LOG.warn("could not process an ephemeral message", e);
        } catch (RuntimeException e) {
            crypto.state().invalidateAll();
            LOG.warn("dropping an ephemeral message whose handling failed: {}", e.getClass().getSimpleName());
        } finally {
            crypto.lock().unlock();
        }
    }

    /**
     * Receives a batch in one transaction. If handling fails for any reason but broken storage (any runtime exception,
     * a value the store refuses ({@link RefusedValueException}: a constraint or data error), a bug in a handler), nothing of the attempt was kept; the batch is split in halves and
     * each half retried, down to the single envelope at fault, which is {@link Outcome#REJECTED rejected} (and so
     * acknowledged): one bad envelope never holds up the others. Storage failures ({@link StorageException},
     * {@link ProtocolStorageException}) propagate, so nothing of the batch is acknowledged.
     */
    private List<Outcome> receiveIsolating(List<Delivery> blobs, Ahead ahead)
            throws StorageException {
        try {
            return receive(blobs, ahead);
        } catch (ProtocolStorageException e) {
            throw e;
        } catch (RuntimeException | RefusedValueException e) {
            // The failure may have come after a commit: the cache must not outlive it.
            crypto.state().invalidateAll();
            if (blobs.size() == 1) {
                LOG.warn("rejecting an envelope whose handling failed: {}", e.getClass().getSimpleName());
                LOG.debug("handling failure", e);
                return List.of(Outcome.REJECTED);
            }
            int half = blobs.size() / 2;
            List<Outcome> outcomes = new ArrayList<>(receiveIsolating(blobs.subList(0, half), ahead));
            outcomes.addAll(receiveIsolating(blobs.subList(half, blobs.size()), ahead));
            return outcomes;
        }
    }

    /** An envelope whose message key the ratchet reports as used: safe to acknowledge only if its record is committed. */
    private record Redelivered(int index, EnvelopeDigest digest) {
    }

    /** An authenticated envelope from a known contact with a new key: stored apart, undecrypted (#11 finding 1). */
    record Held(String sender, byte[] identityKey, Delivery delivery) {
    }

    /** @param ahead envelopes already opened, by delivery (identity); the others are opened here */
    private List<Outcome> receive(List<Delivery> deliveries, Ahead ahead)
            throws StorageException {
        Outcome[] outcomes = new Outcome[deliveries.size()];
        Set<String> blocked = blocked();
        int dropped = 0;
        ProtocolUnitOfWork work = crypto.state().begin();
        List<Received<?>> decrypted = new ArrayList<>();
        List<OpenedEnvelope> accepted = new ArrayList<>();
        List<Redelivered> redelivered = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        Set<String> restarted = new java.util.LinkedHashSet<>();
        Strangers strangers = new Strangers(handlers, work);
        DeviceNotices devices = new DeviceNotices(crypto);
        List<EnvelopeDigest> ignored = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            if (MultiRecipientBlob.isMultiRecipient(deliveries.get(i).blob())) {
                outcomes[i] = multi.receive(work, i, deliveries.get(i), ahead.multi().get(deliveries.get(i)), blocked,
                        decrypted, held);
                continue;
            }
            OpenedEnvelope opened = ahead.envelopes().get(deliveries.get(i));
            try {
                if (opened == null) {
                    opened = verifier.open(deliveries.get(i).blob(), deliveries.get(i).receivedAtMillis());
                }
            } catch (ProtocolException e) {
                LOG.warn("dropping an envelope that does not open: {}", e.getClass().getSimpleName());
                outcomes[i] = Outcome.REJECTED;
                continue;
            } catch (ServiceException e) {
                LOG.warn("cannot check envelopes yet: {}", e.getMessage());
                outcomes[i] = Outcome.UNCONFIRMED;
                continue;
            }
            if (blocked.contains(opened.senderUsername().value())) {
                outcomes[i] = Outcome.BLOCKED;
                dropped++;
                continue;
            }
            SenderVerifier.Decision decision = verifier.decide(opened);
            if (decision == SenderVerifier.Decision.HOLD) {
                held.add(new Held(opened.senderUsername().value(), opened.senderIdentity().bytes(), deliveries.get(i)));
                outcomes[i] = Outcome.STORED;
                continue;
            }
            if (decision == SenderVerifier.Decision.REFUSE) {
                LOG.warn("dropping an envelope with a new identity key: too many are held for this contact");
                outcomes[i] = Outcome.REJECTED;
                continue;
            }
            if (replayGuard.isReplayedFirstMessage(work, opened)) {
                LOG.warn("dropping a replayed first message whose session is gone");
                outcomes[i] = Outcome.REJECTED;
                continue;
            }
            String sender = opened.senderUsername().value();
            EnvelopeDigest digest = EnvelopeDigests.of(opened);
            boolean ownDevice = decision == SenderVerifier.Decision.OWN_DEVICE;
            boolean restart = !ownDevice && restarts.isRestart(work, opened);
            try {
                Payload payload = new SessionCipher(work.stores(), crypto.context(),
                        dev.parley.desktop.crypto.DeviceAddress.sender(opened).session())
                        .decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
                if (decision != SenderVerifier.Decision.REQUEST) {
                    devices.seen(work, sender, opened.senderDevice(), !ownDevice);
                }
                if (!ownDevice && payload instanceof dev.parley.crypto.payload.DeviceUnlinked unlinked) {
                    devices.gone(work, sender, unlinked.deviceId(), opened.senderDevice());     // issue #17
                }
                if (ownDevice && OwnDevicePayloads.forOtherDevice(payload, work.devices().ownDeviceId())) {
                    ignored.add(digest);     // issue #17: a history chunk for another of this account's devices
                    accepted.add(opened);
                    outcomes[i] = Outcome.NOT_A_CONTACT;
                    continue;
                }
                if (ownDevice && !OwnDevicePayloads.accepted(payload)) {
                    // Only what an account's devices send each other is taken from them (issue #17).
                    ignored.add(digest);
                    accepted.add(opened);
                    outcomes[i] = Outcome.NOT_A_CONTACT;
                    continue;
                }
                if (!strangers.admit(decision, sender, payload)) {
                    ignored.add(digest);
                    accepted.add(opened);
                    outcomes[i] = Outcome.NOT_A_CONTACT;
                    continue;
                }
                if (restart) {
                    restarted.add(sender);
                }
                decrypted.add(new Received<>(i, sender, payload, digest, null, opened.senderDevice()));
                accepted.add(opened);
                outcomes[i] = Outcome.STORED;
            } catch (DuplicateMessageException e) {
                // Its message key is gone: decided below, against the committed record of received envelopes.
                redelivered.add(new Redelivered(i, digest));
            } catch (ProtocolException e) {
                LOG.warn("dropping a message that does not decrypt: {}", e.getClass().getSimpleName());
                outcomes[i] = Outcome.REJECTED;
            }
        }
        if (dropped > 0) {
            LOG.debug("{} envelopes from blocked senders dropped unread", dropped);
        }
        if (!ignored.isEmpty()) {
            LOG.debug("{} envelopes from non-contacts acknowledged and dropped", ignored.size());
        }
        if (work.isEmpty() && decrypted.isEmpty() && redelivered.isEmpty() && held.isEmpty() && ignored.isEmpty()) {
            return Arrays.asList(outcomes);
        }
        ReceivedBatch batch = new ReceivedBatch(outcomes, crypto.context().clock().instant());
        long nowMillis = crypto.context().clock().millis();
        crypto.storage().transactions().transaction(false, txn -> {
            for (Held h : held) {
                verifier.hold(txn, h.sender(), h.identityKey(), h.delivery().blob(), h.delivery().receivedAtMillis());
            }
            for (OpenedEnvelope opened : accepted) {
                replayGuard.remember(txn, opened, nowMillis);
            }
            for (ProtocolUnitOfWork.IdentityOutcome outcome : work.commit(txn)) {
                if (outcome.added()) {
                    verifier.markRequest(txn, outcome.username());
                    txn.attach(new ContactChangedEvent(storage().contacts().find(txn, outcome.username()).orElseThrow(),
                            ContactChangedEvent.Change.ADDED));
                }
            }
            for (String sender : restarted) {
                if (!announcedRestore(decrypted, sender)) {
                    restarts.record(txn, sender);
                }
            }
            devices.record(txn);
            handlers.apply(txn, decrypted, batch);
            List<ReceivedEnvelope> records = new ArrayList<>(decrypted.size());
            for (Received<?> r : decrypted) {
                records.add(new ReceivedEnvelope(r.digest(), handlers.storedMessage(r.payload())));
            }
            for (EnvelopeDigest digest : ignored) {
                records.add(new ReceivedEnvelope(digest, Optional.empty()));
            }
            storage().receivedEnvelopes().recordAll(txn, records);
            for (Redelivered r : redelivered) {
                outcomes[r.index()] = isSafelyStored(txn, r.digest()) ? Outcome.DUPLICATE : Outcome.UNCONFIRMED;
            }
        });
        work.committed();
        batch.committed();
        if (!redelivered.isEmpty()) {
            LOG.debug("{} redelivered envelopes: {} already stored", redelivered.size(),
                    redelivered.stream().filter(r -> outcomes[r.index()] == Outcome.DUPLICATE).count());
        }
        return Arrays.asList(outcomes);
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

    /**
     * Runs the envelopes held for {@code sender} through the normal receive path (after the user accepted their new
     * key) and deletes them.
     *
     * @return how many were held
     */
    public int releaseHeld(String sender) throws StorageFailureException {
        crypto.lock().lock();
        try {
            List<HeldEnvelope> held = storage().transactions().transactionWithResult(true,
                    txn -> storage().heldEnvelopes().forSender(txn, sender));
            if (held.isEmpty()) {
                return 0;
            }
            List<Delivery> deliveries = new ArrayList<>();
            for (HeldEnvelope h : held) {
                deliveries.add(new Delivery(h.id(), h.receivedAtMillis(), h.blob()));
            }
            receiveIsolating(deliveries, openInParallel(deliveries));
            storage().transactions().transaction(false, txn -> storage().heldEnvelopes().removeAll(txn, sender));
            return held.size();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot release the held messages", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** The blocked senders, read once per batch (the contact service changes the list under the same lock). */
    private Set<String> blocked() throws StorageException {
        return new HashSet<>(storage().transactions().transactionWithResult(true, txn -> storage().blocked().list(txn)));
    }

    private Storage storage() {
        return crypto.storage();
    }
}
