package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.desktop.crypto.EnvelopeDigests;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.service.messaging.SenderVerifier;
import dev.parley.desktop.storage.StorageException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path of ephemeral frames (typing, presence): only from a contact (or a pending request) with its stored
 * key, never from a blocked user, and only kinds that may travel ephemerally. Called under the protocol lock.
 */
final class EphemeralReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(EphemeralReceiver.class);

    private final ProfileCrypto crypto;
    private final SenderVerifier verifier;
    private final PayloadHandlers handlers;

    EphemeralReceiver(ProfileCrypto crypto, SenderVerifier verifier, PayloadHandlers handlers) {
        this.crypto = crypto;
        this.verifier = verifier;
        this.handlers = handlers;
    }

    /**
     * Decrypts an ephemeral payload and commits the ratchet step with its handler's effects. Any other kind on an
     * ephemeral frame is dropped <em>without</em> committing the step, so the same message delivered properly later
     * still decrypts.
     */
    void receive(byte[] blob, Set<String> blocked) throws StorageException {
        OpenedEnvelope opened;
        try {
            opened = verifier.open(blob, crypto.context().clock().millis());
        } catch (ProtocolException | ServiceException e) {
            LOG.warn("dropping an ephemeral envelope that does not open: {}", e.getClass().getSimpleName());
            return;
        }
        if (verifier.decide(opened) != SenderVerifier.Decision.ACCEPT
                || blocked.contains(opened.senderUsername().value())) {
            LOG.debug("dropping an ephemeral envelope from someone who is not a contact with this key");
            return;
        }
        String sender = opened.senderUsername().value();
        ProtocolUnitOfWork work = crypto.state().begin();
        Payload payload;
        try {
            payload = new SessionCipher(work.stores(), crypto.context(),
                        dev.parley.desktop.crypto.DeviceAddress.sender(opened).session())
                    .decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
        } catch (ProtocolException e) {
            LOG.debug("dropping an ephemeral message that does not decrypt: {}", e.getClass().getSimpleName());
            return;
        }
        if (!handlers.isEphemeral(payload)) {
            LOG.warn("dropping a non-ephemeral payload that arrived as an ephemeral frame; its session step is not kept");
            return;
        }
        ReceivedBatch batch = new ReceivedBatch(new Outcome[] {Outcome.STORED}, crypto.context().clock().instant());
        List<Received<?>> received = List.of(new Received<>(0, sender, payload, EnvelopeDigests.of(opened), null,
                opened.senderDevice()));
        crypto.storage().transactions().transaction(false, txn -> {
            work.commit(txn);
            handlers.apply(txn, received, batch);
        });
        work.committed();
        batch.committed();
    }
}
