package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.envelope.MultiRecipientSeal;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.group.SenderKeyMessage;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.session.SessionRecord;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.connection.InboundHandler.Delivery;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.service.messaging.SenderVerifier;
import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path's branch for a multi-recipient envelope (a group message sent once with {@code send_multi},
 * docs/protocol.md 1.15.4): its header and the shared body are opened and the sender authenticated and certified
 * ({@link SenderVerifier#openMulti}); the sender must then be a contact with exactly that key, stored or created by an
 * earlier envelope of the same batch, or (a group member who is nobody's contact here, issue #15) have a pairwise
 * session with exactly that key (group members share pairwise sessions, over which the sender keys came), and the
 * body must be a sender-key message, which goes on as a
 * GROUP_MESSAGE from that sender ({@link GroupMessageHandler} checks the membership, the signature and replays).
 * Anything else is refused alone: the rest of the batch goes on. A contact writing with a new key is held apart, as
 * for a single envelope.
 */
final class MultiRecipientInbound {
    private static final Logger LOG = LoggerFactory.getLogger(MultiRecipientInbound.class);
    private static final byte[] DIGEST_LABEL = "parley/v2/received-multi-envelope\0".getBytes(StandardCharsets.US_ASCII);

    private final SenderVerifier verifier;

    MultiRecipientInbound(SenderVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * Opens the delivery at {@code index} (or takes what the opening pool opened of it, {@code ahead}, null if
     * nothing); on success adds its group message to {@code decrypted} (or the envelope to {@code held}).
     *
     * @return the delivery's outcome
     */
    Outcome receive(ProtocolUnitOfWork work, int index, Delivery delivery, MultiRecipientSeal.Opened ahead,
                    Set<String> blocked, List<Received<?>> decrypted, List<Held> held)
            throws StorageException {
        Optional<MultiRecipientBlob> blob = MultiRecipientBlob.decode(delivery.blob());
        if (blob.isEmpty()) {
            LOG.warn("dropping a malformed multi-recipient envelope");
            return Outcome.REJECTED;
        }
        MultiRecipientSeal.Opened opened;
        SenderKeyMessage message;
        try {
            opened = ahead != null ? ahead
                    : verifier.openMulti(blob.get().header(), blob.get().body(), delivery.receivedAtMillis());
            message = SenderKeyMessage.deserialize(opened.message());
        } catch (ProtocolException e) {
            LOG.warn("dropping a multi-recipient envelope that does not open: {}", e.getClass().getSimpleName());
            return Outcome.REJECTED;
        } catch (ServiceException e) {
            LOG.warn("cannot check envelopes yet: {}", e.getMessage());
            return Outcome.UNCONFIRMED;
        }
        String sender = opened.senderUsername().value();
        if (blocked.contains(sender)) {
            return Outcome.BLOCKED;
        }
        byte[] identityKey = opened.senderIdentity().bytes();
        SenderVerifier.Decision decision = verifier.decide(sender, identityKey);
        if (decision == SenderVerifier.Decision.REQUEST && work.getIdentity(opened.senderUsername())
                .filter(key -> Arrays.equals(key.bytes(), identityKey)).isPresent()) {
            decision = SenderVerifier.Decision.ACCEPT;      // a contact with this key, created earlier in this batch
        }
        int device = opened.certificate().deviceId();
        if (decision == SenderVerifier.Decision.REQUEST && work.loadSession(
                        new dev.parley.desktop.crypto.DeviceAddress(sender, device).session())
                .flatMap(SessionRecord::remoteIdentity).filter(key -> Arrays.equals(key.bytes(), identityKey))
                .isPresent()) {
            // no contact, but a pairwise session with exactly this key: a group member who is nobody's contact here,
            // whose sender key came over that session (the handler still checks membership, signature and replay)
            decision = SenderVerifier.Decision.ACCEPT;
        }
        switch (decision) {
            case ACCEPT -> {
                decrypted.add(new Received<>(index, sender, new Payload.GroupMessage(message),
                        digest(identityKey, opened.message()), null, device));
                return Outcome.STORED;
            }
            case HOLD -> {
                held.add(new Held(sender, identityKey, delivery));
                return Outcome.STORED;
            }
            default -> {
                LOG.warn("dropping a multi-recipient envelope from someone who is no contact with this key");
                return Outcome.REJECTED;
            }
        }
    }

    /** {@code SHA-256("parley/v2/received-multi-envelope" || 0x00 || IK_sender || sender-key message)}. */
    private static EnvelopeDigest digest(byte[] senderIdentity, byte[] message) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(DIGEST_LABEL);
            sha256.update(senderIdentity);
            sha256.update(message);
            return new EnvelopeDigest(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
