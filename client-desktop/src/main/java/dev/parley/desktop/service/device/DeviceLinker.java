package dev.parley.desktop.service.device;

import dev.parley.crypto.exceptions.InvalidSignedPreKeyException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.link.DeviceLinking;
import dev.parley.crypto.link.LinkCode;
import dev.parley.crypto.link.LinkRefusedException;
import dev.parley.crypto.primitives.Ed25519KeyPair;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.RelayUnreachableException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.RelayPin;
import dev.parley.desktop.storage.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17, the existing device's side of linking (docs/protocol.md 1.18): {@link #start} gives this device a
 * credential key of its own if it still logs in with the identity key ({@code device_credential}, which the relay
 * requires before a second device), opens the linking channel and returns the code; {@link #awaitDevice} runs the
 * MACed handshake and returns the new device's name for the user to confirm; {@link #confirm} sends the sealed account,
 * registers the new device with the prekeys it sent back ({@code device_add}), starts a session with it and tells it
 * its id. Nothing is sent to the new device before the user confirmed.
 */
public final class DeviceLinker {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceLinker.class);
    /** How often a wait for the new device looks whether the linking was cancelled. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String CANCELLED = "the linking was cancelled";
    private static final String NOT_JOINED = "no new device joined in time";
    private static final String LEFT = "the new device stopped linking: it was cancelled or closed";

    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;
    private final Supplier<String> ownUsername;
    private final DeviceLinking linking;
    private final DeviceNames names;

    private final dev.parley.desktop.service.OwnDeviceSync ownDevices;

    public DeviceLinker(ProfileCrypto crypto, Supplier<RelayGateway> gateway, Supplier<String> ownUsername,
                        dev.parley.desktop.service.OwnDeviceSync ownDevices) {
        this.ownDevices = ownDevices;
        this.crypto = crypto;
        this.gateway = gateway;
        this.ownUsername = ownUsername;
        this.linking = new DeviceLinking(crypto.context().crypto());
        this.names = new DeviceNames(crypto.context().crypto());
    }

    /** One linking in progress on this device. */
    public static final class Session {
        private final DeviceLinking.Offer offer;
        private final byte[] channel;
        private DeviceLinking.Linked linked;
        private volatile boolean cancelled;
        private volatile boolean confirming;

        private Session(DeviceLinking.Offer offer, byte[] channel) {
            this.offer = offer;
            this.channel = channel;
        }

        /** What the user types or pastes on the new device. */
        public LinkCode code() {
            return offer.code();
        }

        /**
         * Stops this linking (the user closed the dialog): a wait in {@link #awaitDevice} or {@link #confirm} ends
         * within a fraction of a second with an {@link InvalidInputException}, and nothing more is sent to the new
         * device, which gives up when its own wait ends.
         */
        public void cancel() {
            cancelled = true;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    /** Makes sure this device may add devices, and opens a linking channel valid for 10 minutes. */
    public Session start() throws ServiceException {
        ensureCredential();
        DeviceLinking.Offer offer = linking.offer(crypto.context().clock().millis());
        byte[] channel = linking.channel(offer.secret());
        while (gateway.get().nextLinkMessage(Duration.ZERO).isPresent()) {
            LOG.debug("dropping a message of an earlier linking channel");
        }
        gateway.get().call(new Request.LinkOpen(channel));
        return new Session(offer, channel);
    }

    /**
     * Waits for the new device to join the channel and runs the handshake.
     *
     * @return the name the new device gave, for the user to confirm
     * @throws InvalidInputException if the exchange was refused (a wrong code on the other side, a relay that
     *                               replaced a key) or the code expired
     */
    public String awaitDevice(Session session, Duration timeout) throws ServiceException {
        receive(session, timeout, NOT_JOINED);    // the new device's first message makes it the channel's other end
        gateway.get().call(new Request.LinkSend(session.channel, linking.offerMessage(session.offer)));
        try {
            session.linked = linking.accept(session.offer, receive(session, timeout, NOT_JOINED),
                    crypto.context().clock().millis());
        } catch (LinkRefusedException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return session.linked.deviceName();
    }

    /**
     * The user confirmed the device {@link #awaitDevice} named: provisions and registers it.
     *
     * @return the new device's id
     */
    public int confirm(Session session, Duration timeout) throws ServiceException {
        if (session.linked == null) {
            throw new IllegalStateException("no device has joined yet");
        }
        if (session.cancelled) {
            throw new InvalidInputException(CANCELLED);
        }
        session.confirming = true;
        if (gateway.get().linkPeerLeft(session.channel)) {
            throw new InvalidInputException(LEFT);
        }
        RelayPin pin = pin();
        byte[] identity = crypto.identity().serialize();
        try {
            gateway.get().call(new Request.LinkSend(session.channel, linking.seal(session.linked.key(),
                    LinkMessages.encode(new LinkMessages.Provisioning(identity, ownUsername.get(), pin.relayId(),
                            pin.signingKey())))));
        } finally {
            java.util.Arrays.fill(identity, (byte) 0);
        }
        LinkMessages.Enrolment enrolment;
        try {
            enrolment = LinkMessages.enrolment(linking.open(session.linked.key(),
                    receive(session, timeout, "the new device did not answer in time: nothing was registered")));
        } catch (LinkRefusedException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (LinkMessages.MalformedLinkMessageException e) {
            throw new InvalidInputException("the new device's answer is not readable by this version");
        }
        Response added = gateway.get().call(new Request.DeviceAdd(enrolment.credentialKey(),
                names.seal(crypto.identity(), session.linked.deviceName()), enrolment.signedPreKey(), List.of(),
                enrolment.lastResortKemPreKey(), List.of(), enrolment.proof()));
        int deviceId = ((Response.DeviceAdded) added).deviceId();
        List<Integer> devices = remember(deviceId);
        gateway.get().call(new Request.LinkSend(session.channel, linking.seal(session.linked.key(),
                LinkMessages.encode(new LinkMessages.Registered(deviceId, devices)))));
        session.linked.key().close();
        startSession(deviceId);
        int synced = AccountStateForNewDevice.send(crypto, ownDevices);
        LOG.info("a new device was linked; {} contacts and marks sent to it", synced);
        return deviceId;
    }

    /**
     * While the user reads the name {@link #awaitDevice} returned: waits until the new device leaves the channel (it
     * was cancelled, or its window or process closed: the relay says so at once), or until this linking is cancelled
     * or {@link #confirm}ed, checking every 0.2 s.
     *
     * @return whether the new device left
     */
    public boolean awaitDeparture(Session session) throws ServiceException {
        while (!session.cancelled && !session.confirming) {
            if (gateway.get().linkPeerLeft(session.channel)) {
                return true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayUnreachableException("interrupted while waiting for the new device", e);
            }
        }
        return false;
    }

    /**
     * Replaces the identity-key login by a credential key of this device's own, if not done yet. The key is kept as
     * pending until the relay answers: if the answer is lost, the next login finds out whether the relay took it.
     */
    private void ensureCredential() throws ServiceException {
        int deviceId;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            Optional<byte[]> seed = work.devices().credentialSeed();
            if (seed.isPresent()) {
                java.util.Arrays.fill(seed.get(), (byte) 0);
                return;
            }
            deviceId = work.devices().ownDeviceId();
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the device credential", e);
        } finally {
            crypto.lock().unlock();
        }
        gateway.get().call(new Request.DeviceList(ownUsername.get()));      // online first: logged in as before
        try (Ed25519KeyPair key = crypto.context().crypto().ed25519().generateKeyPair()) {
            byte[] proof = crypto.context().crypto().ed25519().sign(key,
                    AuthProof.deviceCredentialMessage(pin().relayId(), ownUsername.get(), deviceId));
            byte[] seed = key.seed().bytes();
            try {
                updateCredential(work -> work.devices().setPendingCredentialSeed(seed));
                try {
                    gateway.get().call(new Request.DeviceCredential(key.publicKey(), proof));
                } catch (RelayUnreachableException e) {
                    throw e;                // unknown outcome: the next login settles it
                } catch (ServiceException e) {
                    updateCredential(work -> work.devices().clearPendingCredential());
                    throw e;
                }
                updateCredential(work -> work.devices().confirmPendingCredential());
            } finally {
                java.util.Arrays.fill(seed, (byte) 0);
            }
        }
        LOG.info("this device now logs in with a credential key of its own");
    }

    private void updateCredential(java.util.function.Consumer<ProtocolUnitOfWork> change)
            throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            change.accept(work);
            crypto.storage().transactions().transaction(false, work::commit);
            work.committed();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the device credential", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** Adds the new device to this account's device list; returns the list. */
    private List<Integer> remember(int deviceId) throws StorageFailureException {
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            TreeSet<Integer> devices = new TreeSet<>(work.devices().of(ownUsername.get()));
            devices.add(work.devices().ownDeviceId());
            devices.add(deviceId);
            work.devices().set(ownUsername.get(), devices);
            crypto.storage().transactions().transaction(false, work::commit);
            work.committed();
            return new ArrayList<>(devices);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the device list", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** A session with the new device, so this device's sent transcripts reach it from the next message on. */
    private void startSession(int deviceId) throws ServiceException {
        OwnDeviceSessions.start(crypto, gateway.get(), ownUsername.get(), List.of(deviceId));
    }

    /**
     * The next message on the channel, waiting up to {@code timeout} in short slices so a cancel, or the new device
     * leaving, stops it soon.
     */
    private byte[] receive(Session session, Duration timeout, String late) throws ServiceException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!session.cancelled) {
            if (gateway.get().linkPeerLeft(session.channel)) {
                throw new InvalidInputException(LEFT);
            }
            long left = Math.max(0, deadline - System.nanoTime());
            Optional<byte[]> next = gateway.get().nextLinkMessage(Duration.ofNanos(Math.min(left, POLL.toNanos())));
            if (next.isPresent()) {
                return next.get();
            }
            if (deadline - System.nanoTime() <= 0) {
                throw new RelayUnreachableException(late);
            }
        }
        throw new InvalidInputException(CANCELLED);
    }

    private RelayPin pin() throws StorageFailureException {
        try {
            return crypto.storage().transactions().transactionWithResult(true, txn -> crypto.storage().account()
                    .relayPin(txn)).orElseThrow(() -> new StorageFailureException("no relay pinned yet", null));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the relay pin", e);
        }
    }
}
