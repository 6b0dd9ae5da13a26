package dev.parley.desktop.service.messaging;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.exceptions.InvalidSignedPreKeyException;
import dev.parley.crypto.exceptions.NoSessionException;
import dev.parley.crypto.exceptions.UnsupportedVersionException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.PayloadCodec;
import dev.parley.crypto.prekey.PreKeyBundle;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.desktop.crypto.DeviceAddress;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.service.IdentityChangedException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #17, per-device sessions (Signal's Sesame, docs/protocol.md 1.18): a message to a contact is encrypted once
 * for every device of theirs this profile knows and has a session with, and a conversation action (a text, a file, a
 * reaction, an edit, a delete, a timer change) also once, as a sent transcript, for every other device of this
 * account; each copy is an outbox entry keyed by its {@link DeviceAddress}. A
 * single-device contact of a single-device account gets exactly one copy, keyed by the bare username, as before
 * devices.
 *
 * <p>When the relay answers that the list is stale ({@link #devicesChanged}), the copies of the devices that are gone
 * are dropped with their sessions, a session is started from a fetched bundle with each new device, the stored
 * payload is encrypted for it, and the list is remembered; a contact's conversation gets "bob linked a new device".
 * Called under the profile's protocol lock ({@link #copies}) or taking it ({@link #devicesChanged}).
 */
public final class DeviceFanout {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceFanout.class);

    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final SenderVerifier verifier;

    public DeviceFanout(ProfileCrypto crypto, Supplier<String> ownUsername, SenderVerifier verifier) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.verifier = verifier;
    }

    /** One sealed copy of a message for one device, with the encoded payload it carries. */
    public record Copy(DeviceAddress address, byte[] blob, byte[] payload) {
    }

    /**
     * The copies of {@code payload} for {@code contact}'s devices, encrypted on {@code work} (the transcripts for this
     * account's other devices are {@link #transcripts}). Devices without a session yet are left out: the relay's
     * stale-list answer brings their bundles.
     *
     * @throws UnknownContactException  if there is no session with any of the contact's devices
     * @throws IdentityChangedException if the contact's identity key changed and the change is not acknowledged
     */
    public List<Copy> copies(ProtocolUnitOfWork work, Contact contact, Payload payload) throws ServiceException {
        List<Copy> copies = new ArrayList<>();
        byte[] encoded = PayloadCodec.encode(payload);
        for (int device : work.devices().of(contact.username())) {
            DeviceAddress address = new DeviceAddress(contact.username(), device);
            if (device != 1 && !work.containsSession(address.session())) {
                continue;
            }
            try {
                copies.add(new Copy(address, verifier.seal(contact, encrypt(work, address, payload)), encoded));
            } catch (NoSessionException e) {
                if (device == 1 && work.devices().of(contact.username()).size() == 1) {
                    throw new UnknownContactException("no session with this contact yet: add the contact first");
                }
            }
        }
        if (copies.isEmpty()) {
            throw new UnknownContactException("no session with this contact yet: add the contact first");
        }
        return copies;
    }

    /**
     * The sent transcripts of {@code payload}, sent to {@code contact}, for this account's other devices: for the
     * conversation actions they apply as their own (texts and replies, files, reactions, edits, deletes, timer
     * changes); none for any other kind, or for an account with one device.
     */
    public List<Copy> transcripts(ProtocolUnitOfWork work, Contact contact, Payload payload) throws ServiceException {
        boolean synced = payload instanceof Payload.Text || payload instanceof Payload.Attachment
                || payload instanceof Payload.Reaction || payload instanceof Payload.Edit
                || payload instanceof Payload.Delete || payload instanceof Payload.TimerUpdate;
        return synced ? ownCopies(work, new Payload.SentTranscript(contact.username(), payload)) : List.of();
    }

    /**
     * The copies of a payload for this account's other devices that have a session (sent transcripts, read sync);
     * none for an account with one device.
     */
    public List<Copy> ownCopies(ProtocolUnitOfWork work, Payload transcript) throws ServiceException {
        String own = ownUsername.get();
        int self = work.devices().ownDeviceId();
        byte[] encoded = PayloadCodec.encode(transcript);
        List<Copy> copies = new ArrayList<>();
        for (int device : work.devices().of(own)) {
            DeviceAddress address = new DeviceAddress(own, device);
            if (device == self || !work.containsSession(address.session())) {
                continue;
            }
            try {
                copies.add(new Copy(address, verifier.sealToOwnDevice(encrypt(work, address, transcript)), encoded));
            } catch (NoSessionException e) {
                LOG.debug("no session with one of this account's devices");
            }
        }
        return copies;
    }

    private CiphertextMessage encrypt(ProtocolUnitOfWork work, DeviceAddress address, Payload payload)
            throws NoSessionException, IdentityChangedException {
        try {
            return new SessionCipher(work.stores(), crypto.context(), address.session()).encrypt(payload);
        } catch (UntrustedIdentityException e) {
            throw new IdentityChangedException("this contact's identity key changed; acknowledge the change first", e);
        }
    }

    /** See {@link Outbox#devicesChanged}. */
    public List<Outbox.Item> devicesChanged(String account, byte[] clientMessageId, List<Integer> devices,
                                            Outbox.BundleSource bundles) throws StorageFailureException {
        MessageId id = new MessageId(HexFormat.of().formatHex(clientMessageId));
        Set<Integer> current = new TreeSet<>(devices);
        boolean self = account.equals(ownUsername.get());
        List<Integer> lacking;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            Map<Integer, OutboxEntry> queued = queued(id, account);
            lacking = new ArrayList<>();
            for (int device : current) {
                if (!queued.containsKey(device) && !work.containsSession(new DeviceAddress(account, device).session())) {
                    lacking.add(device);
                }
            }
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the outbox", e);
        } finally {
            crypto.lock().unlock();
        }
        Map<Integer, PreKeyBundle> fetched = new LinkedHashMap<>();
        for (int device : lacking) {
            bundles.fetch(account, device).ifPresent(bundle -> fetched.put(device, bundle));
        }
        crypto.lock().lock();
        try {
            return correct(id, account, self, current, fetched);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot correct the message's devices", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    private List<Outbox.Item> correct(MessageId id, String account, boolean self, Set<Integer> current,
                                      Map<Integer, PreKeyBundle> fetched) throws StorageException, StorageFailureException {
        Map<Integer, OutboxEntry> queued = queued(id, account);
        if (queued.isEmpty()) {
            return List.of();       // settled meanwhile
        }
        Optional<byte[]> encoded = crypto.storage().transactions().transactionWithResult(true,
                txn -> crypto.storage().outbox().payload(txn, id, queued.values().iterator().next().recipient()));
        Optional<Contact> contact = self ? Optional.empty() : crypto.state().contact(account);
        if (!self && contact.isEmpty()) {
            contact = groupPeer(account);       // a receipt owed to a fellow group member who is no contact (1.15.3)
        }
        if (encoded.isEmpty() || !self && contact.isEmpty()) {
            LOG.info("a queued message cannot follow its recipient's devices; it stays queued as it is");
            return items(queued.values());
        }
        Payload payload;
        try {
            payload = PayloadCodec.decode(encoded.get());
        } catch (InvalidMessageException | UnsupportedVersionException e) {
            LOG.warn("a queued payload is unreadable; it stays queued as it is");
            return items(queued.values());
        }
        ProtocolUnitOfWork work = crypto.state().begin();
        List<Integer> known = work.devices().of(account);
        Map<DeviceAddress, byte[]> added = new LinkedHashMap<>();
        for (int device : current) {
            if (queued.containsKey(device)) {
                continue;
            }
            DeviceAddress address = new DeviceAddress(account, device);
            try {
                if (!work.containsSession(address.session())) {
                    PreKeyBundle bundle = fetched.get(device);
                    if (bundle == null) {
                        continue;
                    }
                    new SessionBuilder(work.stores(), crypto.context(), address.session()).initiate(bundle);
                }
                CiphertextMessage message = encrypt(work, address, payload);
                added.put(address, self ? verifier.sealToOwnDevice(message) : verifier.seal(contact.get(), message));
            } catch (InvalidSignedPreKeyException | UntrustedIdentityException e) {
                LOG.warn("the relay served a bundle for a new device that does not verify against the account's "
                        + "identity key; not sending to that device");
            } catch (NoSessionException | ServiceException e) {
                LOG.warn("cannot encrypt for a new device: {}", e.getClass().getSimpleName());
            }
        }
        List<Integer> gone = new ArrayList<>();
        for (int device : queued.keySet()) {
            if (!current.contains(device)) {
                gone.add(device);
                work.deleteSession(new DeviceAddress(account, device).session());
            }
        }
        Set<Integer> list = new TreeSet<>(current);
        if (self) {
            list.add(work.devices().ownDeviceId());
        }
        boolean announce = !self && current.stream().anyMatch(device -> !known.contains(device));
        // issue #17: a device of a fellow group member is gone, so this profile's sender keys it held are retired
        boolean lost = !self && known.stream().anyMatch(device -> !current.contains(device));
        if (!list.isEmpty()) {
            work.devices().set(account, list);
        }
        Instant now = crypto.context().clock().instant();
        crypto.storage().transactions().transaction(false, txn -> {
            for (Map.Entry<DeviceAddress, byte[]> copy : added.entrySet()) {
                crypto.storage().outbox().enqueue(txn, id, copy.getKey().value(), copy.getValue(), encoded.get(), now);
            }
            for (int device : gone) {
                crypto.storage().outbox().acknowledge(txn, id, new DeviceAddress(account, device).value());
            }
            work.commit(txn);
            if (announce) {
                NewDeviceLine.add(crypto, txn, account);
            }
            if (lost) {
                dev.parley.desktop.service.group.GroupRekey.afterDeviceGone(txn, crypto.storage(), account);
            }
        });
        work.committed();
        LOG.info("device list corrected: {} new, {} gone", added.size(), gone.size());
        return items(queued(id, account).values());
    }

    /** {@code account} as an unstored recipient if it is a fellow group member who is no contact ({@link GroupPeers}). */
    private Optional<Contact> groupPeer(String account) {
        try {
            return new GroupPeers(crypto).of(account);
        } catch (ServiceException e) {
            LOG.debug("cannot tell whether a recipient is a fellow group member: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The queued copies of message {@code id} for {@code account}'s devices, by device id. */
    private Map<Integer, OutboxEntry> queued(MessageId id, String account) throws StorageException {
        List<OutboxEntry> entries = crypto.storage().transactions().transactionWithResult(true,
                txn -> crypto.storage().outbox().forMessage(txn, id));
        Map<Integer, OutboxEntry> byDevice = new LinkedHashMap<>();
        for (OutboxEntry entry : entries) {
            DeviceAddress address = DeviceAddress.parse(entry.recipient());
            if (address.username().equals(account)) {
                byDevice.put(address.deviceId(), entry);
            }
        }
        return byDevice;
    }

    private static List<Outbox.Item> items(java.util.Collection<OutboxEntry> entries) {
        List<Outbox.Item> items = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            items.add(new Outbox.Item(HexFormat.of().parseHex(entry.messageId().value()), entry.recipient(),
                    entry.blob(), false));
        }
        return items;
    }
}
