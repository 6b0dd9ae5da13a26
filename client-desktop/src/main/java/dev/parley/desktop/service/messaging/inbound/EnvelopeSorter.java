package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.PreKeyRatchetMessage;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.crypto.EnvelopeDigests;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.InboundHandler.Delivery;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.service.messaging.ReplayGuard;
import dev.parley.desktop.service.messaging.SenderVerifier;
import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.StorageException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered part of the receive path, before the batch's transaction: each delivery in relay order is opened (or
 * taken as the opening pool opened it), its sender verified ({@link SenderVerifier}: certificate, key decision, replay
 * of first messages, {@link ReplayGuard}) and its message decrypted on the batch's one protocol unit of work; the
 * result is sorted into a {@link SortedBatch}. Nothing is stored here.
 */
final class EnvelopeSorter {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeSorter.class);

    private final ProfileCrypto crypto;
    private final SenderVerifier verifier;
    private final ReplayGuard replayGuard;
    private final PayloadHandlers handlers;
    private final SessionRestarts restarts;
    private final MultiRecipientInbound multi;

    EnvelopeSorter(ProfileCrypto crypto, SenderVerifier verifier, ReplayGuard replayGuard, PayloadHandlers handlers,
                   SessionRestarts restarts) {
        this.crypto = crypto;
        this.verifier = verifier;
        this.replayGuard = replayGuard;
        this.handlers = handlers;
        this.restarts = restarts;
        this.multi = new MultiRecipientInbound(verifier);
    }

    /** @param ahead envelopes already opened, by delivery (identity); the others are opened here */
    SortedBatch sort(List<Delivery> deliveries, Ahead ahead, Set<String> blocked) throws StorageException {
        SortedBatch batch = new SortedBatch(deliveries.size(), crypto.state().begin(), new DeviceNotices(crypto));
        Strangers strangers = new Strangers(handlers, batch.work);
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery delivery = deliveries.get(i);
            if (MultiRecipientBlob.isMultiRecipient(delivery.blob())) {
                batch.outcomes[i] = multi.receive(batch.work, i, delivery, ahead.multi().get(delivery), blocked,
                        batch.decrypted, batch.held);
            } else {
                batch.outcomes[i] = sealed(batch, strangers, i, delivery, ahead.envelopes().get(delivery), blocked);
            }
        }
        return batch;
    }

    /**
     * One sealed envelope ({@code opened}: as the pool opened it, or null).
     *
     * @return its outcome, or null for one decided when the batch commits (a redelivery)
     */
    private Outcome sealed(SortedBatch batch, Strangers strangers, int i, Delivery delivery, OpenedEnvelope opened,
                           Set<String> blocked) throws StorageException {
        try {
            if (opened == null) {
                opened = verifier.open(delivery.blob(), delivery.receivedAtMillis());
            }
        } catch (ProtocolException e) {
            LOG.warn("dropping an envelope that does not open: {}", e.getClass().getSimpleName());
            return Outcome.REJECTED;
        } catch (ServiceException e) {
            LOG.warn("cannot check envelopes yet: {}", e.getMessage());
            return Outcome.UNCONFIRMED;
        }
        String sender = opened.senderUsername().value();
        if (blocked.contains(sender)) {
            batch.dropped++;
            return Outcome.BLOCKED;
        }
        SenderVerifier.Decision decision = verifier.decide(opened);
        if (decision == SenderVerifier.Decision.HOLD) {
            batch.held.add(new Held(sender, opened.senderIdentity().bytes(), delivery));
            return Outcome.STORED;
        }
        if (decision == SenderVerifier.Decision.REFUSE) {
            LOG.warn("dropping an envelope with a new identity key: too many are held for this contact");
            return Outcome.REJECTED;
        }
        ByteBuffer baseKey = opened.message() instanceof PreKeyRatchetMessage first
                ? ByteBuffer.wrap(first.baseKey()) : null;
        boolean startedInBatch = baseKey != null && batch.startedBaseKeys.contains(baseKey);
        if (!startedInBatch && replayGuard.isReplayedFirstMessage(batch.work, opened)) {
            LOG.warn("dropping a replayed first message whose session is gone");
            return Outcome.REJECTED;
        }
        EnvelopeDigest digest = EnvelopeDigests.of(opened);
        boolean ownDevice = decision == SenderVerifier.Decision.OWN_DEVICE;
        boolean restart = !ownDevice && !startedInBatch && restarts.isRestart(batch.work, opened);
        Payload payload;
        try {
            payload = new SessionCipher(batch.work.stores(), crypto.context(), DeviceAddress.sender(opened).session())
                    .decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
        } catch (DuplicateMessageException e) {
            // Its message key is gone: decided when the batch commits, against the record of received envelopes.
            batch.redelivered.add(new SortedBatch.Redelivered(i, digest));
            return null;
        } catch (ProtocolException e) {
            LOG.warn("dropping a message that does not decrypt: {}", e.getClass().getSimpleName());
            return Outcome.REJECTED;
        }
        if (baseKey != null) {
            batch.startedBaseKeys.add(baseKey);
        }
        if (decision != SenderVerifier.Decision.REQUEST) {
            batch.devices.seen(batch.work, sender, opened.senderDevice(), !ownDevice);
        }
        if (!ownDevice && payload instanceof dev.parley.crypto.payload.DeviceUnlinked unlinked) {
            batch.devices.gone(batch.work, sender, unlinked.deviceId(), opened.senderDevice());     // issue #17
        }
        // Issue #17: from this account's own devices only what they send each other is taken, and a history chunk
        // only if it is for this device.
        boolean dropped = ownDevice && (OwnDevicePayloads.forOtherDevice(payload, batch.work.devices().ownDeviceId())
                || !OwnDevicePayloads.accepted(payload));
        if (dropped || !strangers.admit(decision, sender, payload)) {
            batch.ignored.add(digest);
            batch.accepted.add(opened);
            return Outcome.NOT_A_CONTACT;
        }
        if (restart) {
            batch.restarted.add(sender);
        }
        batch.decrypted.add(new Received<>(i, sender, payload, digest, null, opened.senderDevice()));
        batch.accepted.add(opened);
        return Outcome.STORED;
    }
}
