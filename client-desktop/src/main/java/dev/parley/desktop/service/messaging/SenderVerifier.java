package dev.parley.desktop.service.messaging;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.InvalidPublicKeyException;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.RelayPinning;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.HeldEnvelopeStore;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.crypto.envelope.MultiRecipientSeal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who sent an envelope, decided before anything is changed (issue #11 finding 1):
 * <ol>
 *   <li>{@link #open}: the sealed-sender MAC proves the sender's identity key, and the relay-signed sender
 *       certificate (checked against the pinned relay key, at the time the relay received the envelope) binds the
 *       username to exactly that key; the username must pass the relay's rule. Anything else is refused.</li>
 *   <li>{@link #decide}: a known contact writing with another key is {@link Decision#HOLD held apart}, undecrypted,
 *       until the user accepts the new key; an unknown sender is {@link Decision#REQUEST a message request}.</li>
 * </ol>
 * Also seals outgoing envelopes with the account's own certificate. Called under the profile's protocol lock.
 */
public final class SenderVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(SenderVerifier.class);

    /** What may happen to an authenticated envelope. */
    public enum Decision {
        /** A contact with exactly this key: decrypt normally. */
        ACCEPT,
        /** Nobody the user knows: decrypt, and the contact it creates is a message request. */
        REQUEST,
        /** A contact with another key: hold apart, untouched, and warn. */
        HOLD,
        /** A contact with another key, and too many envelopes already held for them: refuse. */
        REFUSE,
        /**
         * Another device of this profile's own account, with exactly the own identity key (issue #17): only what one's
         * own devices send each other (sent transcripts) is taken from it.
         */
        OWN_DEVICE
    }

    /** Opens one envelope with what {@link #opening()} captured; safe on any thread. */
    @FunctionalInterface
    public interface Opening {
        OpenedEnvelope open(byte[] blob, long receivedAtMillis) throws ProtocolException;
    }

    private final ProfileCrypto crypto;
    private final RelayPinning pinning;
    private final MultiRecipientSeal multiSeal;

    public SenderVerifier(ProfileCrypto crypto, RelayPinning pinning) {
        this.crypto = crypto;
        this.pinning = pinning;
        this.multiSeal = new MultiRecipientSeal(crypto.context().crypto());
    }

    /**
     * Opens an envelope and verifies its sender certificate.
     *
     * @param receivedAtMillis when the relay received it; the certificate must have been valid then
     * @throws ProtocolException if it does not open or its sender is not certified by the pinned relay
     * @throws ServiceException  if the profile has no relay pinned yet
     */
    public OpenedEnvelope open(byte[] blob, long receivedAtMillis) throws ProtocolException, ServiceException {
        return crypto.sealedSender().open(crypto.identity(), blob, pinning.trusted(), receivedAtMillis);
    }

    /**
     * Captures what {@link #open} needs (the identity key, the pinned relay key) into a function that may run on any
     * thread: opening envelopes ahead, in parallel. Call under the protocol lock.
     *
     * @throws ServiceException if the profile has no relay pinned yet
     */
    public Opening opening() throws ServiceException {
        dev.parley.crypto.identity.IdentityKeyPair identity = crypto.identity();
        dev.parley.crypto.envelope.TrustedRelayKey relay = pinning.trusted();
        dev.parley.crypto.envelope.SealedSender sealed = crypto.sealedSender();
        return (blob, receivedAtMillis) -> sealed.open(identity, blob, relay, receivedAtMillis);
    }

    /** Opens one multi-recipient blob ({@code 0x4D || header || body}) with what {@link #multiOpening()} captured. */
    @FunctionalInterface
    public interface MultiOpening {
        MultiRecipientSeal.Opened open(byte[] blob, long receivedAtMillis) throws ProtocolException;
    }

    /**
     * As {@link #opening()}, for multi-recipient blobs (issue #15: a group pickup opens them ahead too, on the opening
     * pool); a pure function of the blob, the identity key and the pinned relay key, safe on any thread.
     */
    public MultiOpening multiOpening() throws ServiceException {
        dev.parley.crypto.identity.IdentityKeyPair identity = crypto.identity();
        dev.parley.crypto.envelope.TrustedRelayKey relay = pinning.trusted();
        return (blob, receivedAtMillis) -> {
            dev.parley.crypto.wire.MultiRecipientBlob decoded = dev.parley.crypto.wire.MultiRecipientBlob.decode(blob)
                    .orElseThrow(() -> new dev.parley.crypto.exceptions.InvalidMessageException(
                            "malformed multi-recipient envelope"));
            return multiSeal.open(identity, decoded.header(), decoded.body(), relay, receivedAtMillis);
        };
    }

    /** Wipes what sealing and opening remembered of this profile's secrets (the header MAC keys), at lock. */
    public void forgetSecrets() {
        multiSeal.forgetMacKeys();
    }

    /** Decides, from the stored contact, what may happen to an opened envelope (see {@link Decision}). */
    public Decision decide(OpenedEnvelope opened) throws StorageException {
        return decide(opened.senderUsername().value(), opened.senderIdentity().bytes());
    }

    /** As {@link #decide(OpenedEnvelope)}, for a sender authenticated otherwise (a multi-recipient envelope). */
    public Decision decide(String sender, byte[] identityKey) throws StorageException {
        if (crypto.state().ownUsername().map(sender::equals).orElse(false)) {
            return Arrays.equals(crypto.identity().publicKey().bytes(), identityKey) ? Decision.OWN_DEVICE
                    : Decision.REFUSE;
        }
        Optional<Contact> known = crypto.state().contact(sender);
        if (known.isEmpty()) {
            return Decision.REQUEST;
        }
        if (Arrays.equals(known.get().identityKey(), identityKey)) {
            return Decision.ACCEPT;
        }
        int held = storage().transactions().transactionWithResult(true,
                txn -> storage().heldEnvelopes().count(txn, sender));
        return held >= HeldEnvelopeStore.MAX_PER_SENDER ? Decision.REFUSE : Decision.HOLD;
    }

    /**
     * Inside the batch transaction: stores an envelope held apart and raises the contact's warning (the stored key
     * stays the old one; sending is blocked until the user decides).
     */
    public void hold(Transaction txn, String sender, byte[] identityKey, byte[] blob, long receivedAtMillis)
            throws StorageException {
        storage().heldEnvelopes().hold(txn, new HeldEnvelope(0, sender, identityKey, blob, receivedAtMillis));
        Optional<Contact> contact = storage().contacts().find(txn, sender);
        if (contact.isPresent() && contact.get().identityChange() != IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
            storage().contacts().setIdentityChange(txn, sender, IdentityChangeState.CHANGED_UNACKNOWLEDGED);
            txn.attach(new ContactChangedEvent(storage().contacts().find(txn, sender).orElseThrow(),
                    ContactChangedEvent.Change.IDENTITY_CHANGED));
            LOG.warn("a contact wrote with a new identity key; the message is held until the user accepts the key");
        }
    }

    /** Inside the batch transaction: a contact just created by an incoming message is a message request. */
    public void markRequest(Transaction txn, String username) throws StorageException {
        storage().contacts().setIdentityChange(txn, username, IdentityChangeState.REQUEST);
    }

    /** Seals a ratchet message to a contact with this account's sender certificate. */
    public byte[] seal(Contact contact, CiphertextMessage message) throws ServiceException {
        try {
            return crypto.sealedSender().seal(new IdentityKey(contact.identityKey()), crypto.identity(),
                    pinning.ownCertificate(), message);
        } catch (InvalidPublicKeyException e) {
            throw new StorageFailureException("the stored identity key of this contact is invalid", e);
        }
    }

    /** Seals a ratchet message to another device of this profile's own account (issue #17). */
    public byte[] sealToOwnDevice(CiphertextMessage message) throws ServiceException {
        try {
            return crypto.sealedSender().seal(crypto.identity().publicKey(), crypto.identity(), pinning.ownCertificate(),
                    message);
        } catch (InvalidPublicKeyException e) {
            throw new StorageFailureException("the stored identity key is invalid", e);
        }
    }

    /**
     * Seals one message for many contacts at once (docs/protocol.md 1.15.4): the shared body and one header per
     * contact, in order, with this account's sender certificate.
     */
    public MultiRecipientSeal.Sealed sealForMany(List<Contact> contacts, byte[] message) throws ServiceException {
        List<IdentityKey> keys = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            keys.add(new IdentityKey(contact.identityKey()));
        }
        try {
            return multiSeal.seal(keys, crypto.identity(), pinning.ownCertificate(), message, crypto.context().random());
        } catch (InvalidPublicKeyException e) {
            throw new StorageFailureException("the stored identity key of a group member is invalid", e);
        }
    }

    /**
     * Opens a multi-recipient envelope addressed to this profile and verifies its sender's certificate, as
     * {@link #open} does for a single one.
     */
    public MultiRecipientSeal.Opened openMulti(byte[] header, byte[] body, long receivedAtMillis)
            throws ProtocolException, ServiceException {
        return multiSeal.open(crypto.identity(), header, body, pinning.trusted(), receivedAtMillis);
    }

    private Storage storage() {
        return crypto.storage();
    }
}
