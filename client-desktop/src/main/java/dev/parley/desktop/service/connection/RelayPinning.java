package dev.parley.desktop.service.connection;

import dev.parley.crypto.envelope.SenderCertificate;
import dev.parley.crypto.envelope.TrustedRelayKey;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.primitives.Ed25519;
import dev.parley.crypto.wire.Push;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.RelayPin;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile's pin of its relay (id and sender-certificate signing key) and its own sender certificate.
 *
 * <p>The pin is taken from the first challenge the profile sees: at registration (init), over the channel the TLS
 * pin already authenticates; a profile from Parley 0.1 has none and pins at its first v2 connection. Afterwards a
 * challenge with another id or key is refused ({@link RelayRejectedException}). Thread-safe.
 */
public final class RelayPinning {
    private static final Logger LOG = LoggerFactory.getLogger(RelayPinning.class);

    private final Storage storage;
    private final Ed25519 ed25519;
    private final Clock clock;
    private volatile TrustedRelayKey trusted;
    private volatile SenderCertificate own;

    public RelayPinning(Storage storage, Ed25519 ed25519, Clock clock) {
        this.storage = storage;
        this.ed25519 = ed25519;
        this.clock = clock;
    }

    /** What a challenge meant for the pin. */
    private enum PinCheck { MATCHES, PINNED_NOW, DIFFERENT }

    /** Accepts a challenge from the pinned relay, pinning it if the profile has no pin yet. */
    public synchronized void check(Push.Challenge challenge) throws RelayRejectedException, StorageFailureException {
        PinCheck result;
        try {
            result = storage.transactions().transactionWithResult(false, txn -> {
                Optional<RelayPin> pin = storage.account().relayPin(txn);
                if (pin.isEmpty()) {
                    storage.account().pinRelay(txn, new RelayPin(challenge.relayId(), challenge.signingKey()));
                    return PinCheck.PINNED_NOW;
                }
                return pin.get().matches(challenge.relayId(), challenge.signingKey()) ? PinCheck.MATCHES : PinCheck.DIFFERENT;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the relay pin", e);
        }
        if (result == PinCheck.DIFFERENT) {
            throw new RelayRejectedException(
                    "this relay's id or signing key is not the one this profile pinned; refusing to log in");
        }
        if (result == PinCheck.PINNED_NOW) {
            LOG.info("pinned the relay's id and signing key");
        }
        trusted = TrustedRelayKey.of(challenge.signingKey());
    }

    /**
     * Keeps the certificate the relay issued at login, after checking that the pinned key signed it for this
     * account's username and identity key.
     */
    public void certificateIssued(byte[] certificate, String username, IdentityKey identity)
            throws RelayRejectedException, StorageFailureException {
        certificateIssued(certificate, username, 1, identity);
    }

    /** As above, for a login of device {@code deviceId}: the certificate must name exactly that device (issue #17). */
    public void certificateIssued(byte[] certificate, String username, int deviceId, IdentityKey identity)
            throws RelayRejectedException, StorageFailureException {
        SenderCertificate parsed;
        try {
            parsed = SenderCertificate.parse(certificate);
            trusted().verify(ed25519, parsed, identity, clock.millis());
        } catch (ProtocolException e) {
            throw new RelayRejectedException("the relay issued a sender certificate that does not verify");
        }
        if (!parsed.username().equals(username)) {
            throw new RelayRejectedException("the relay certified another username");
        }
        if (parsed.deviceId() != deviceId) {
            throw new RelayRejectedException("the relay certified another device");
        }
        try {
            storage.transactions().transaction(false, txn -> storage.account().putSenderCertificate(txn, certificate));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot store the sender certificate", e);
        }
        own = parsed;
    }

    /** The pinned relay key; certificates signed by anything else are refused. */
    public TrustedRelayKey trusted() throws RelayRejectedException, StorageFailureException {
        TrustedRelayKey key = trusted;
        if (key != null) {
            return key;
        }
        try {
            Optional<RelayPin> pin = storage.transactions().transactionWithResult(true, txn -> storage.account().relayPin(txn));
            key = TrustedRelayKey.of(pin.orElseThrow(
                    () -> new RelayRejectedException("no relay pinned yet: connect to the relay once")).signingKey());
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the relay pin", e);
        }
        trusted = key;
        return key;
    }

    /** This account's latest sender certificate, sealed into every envelope it sends. */
    public SenderCertificate ownCertificate() throws RelayRejectedException, StorageFailureException {
        SenderCertificate certificate = own;
        if (certificate != null) {
            return certificate;
        }
        try {
            Optional<byte[]> stored = storage.transactions().transactionWithResult(true,
                    txn -> storage.account().senderCertificate(txn));
            if (stored.isEmpty()) {
                throw new RelayRejectedException("no sender certificate yet: connect to the relay once");
            }
            certificate = SenderCertificate.parse(stored.get());
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the sender certificate", e);
        } catch (ProtocolException e) {
            throw new StorageFailureException("the stored sender certificate is unreadable", e);
        }
        own = certificate;
        return certificate;
    }
}
