package dev.parley.desktop.service.messaging.inbound;

import dev.parley.desktop.crypto.EnvelopeDigests;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.messaging.Receipts;
import dev.parley.desktop.service.messaging.ReplayGuard;
import dev.parley.desktop.service.messaging.SenderVerifier;
import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.RefusedValueException;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path: opened envelope -> verified sender ({@link SenderVerifier}: certificate, key decision, replay of
 * first messages, {@link ReplayGuard}) -> decrypt -> dispatch to the
 * payload's handler ({@link PayloadHandlers}). A batch is decrypted on one protocol unit of work, in relay order
 * ({@link EnvelopeSorter}), and committed in one transaction ({@link BatchCommit}): the handlers' effects, a record of
 * every envelope (by digest, {@link EnvelopeDigests}) and the new session state. Envelopes are opened ahead on the
 * other cores ({@link EnvelopeOpener}).
 *
 * <p>A redelivered envelope fails decryption with {@link dev.parley.crypto.exceptions.DuplicateMessageException} (its message key is gone); it is
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
    private final SenderVerifier verifier;
    private final EnvelopeSorter sorter;
    private final BatchCommit commit;
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
        this.verifier = verifier;
        SessionRestarts restarts = new SessionRestarts(crypto);
        this.sorter = new EnvelopeSorter(crypto, verifier, replayGuard, handlers, restarts);
        this.commit = new BatchCommit(crypto, verifier, replayGuard, handlers, restarts);
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
        return Ahead.NOTHING;
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

    /** Opens (what the pool did not), verifies and decrypts the batch in order, then commits it in one transaction. */
    private List<Outcome> receive(List<Delivery> deliveries, Ahead ahead) throws StorageException {
        SortedBatch sorted = sorter.sort(deliveries, ahead, blocked());
        if (sorted.dropped > 0) {
            LOG.debug("{} envelopes from blocked senders dropped unread", sorted.dropped);
        }
        if (!sorted.ignored.isEmpty()) {
            LOG.debug("{} envelopes from non-contacts acknowledged and dropped", sorted.ignored.size());
        }
        if (sorted.nothingToStore()) {
            return Arrays.asList(sorted.outcomes);
        }
        commit.commit(sorted);
        if (!sorted.redelivered.isEmpty()) {
            LOG.debug("{} redelivered envelopes: {} already stored", sorted.redelivered.size(),
                    sorted.redelivered.stream().filter(r -> sorted.outcomes[r.index()] == Outcome.DUPLICATE).count());
        }
        return Arrays.asList(sorted.outcomes);
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
