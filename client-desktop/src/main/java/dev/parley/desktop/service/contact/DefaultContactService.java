package dev.parley.desktop.service.contact;

import dev.parley.crypto.exceptions.InvalidSignedPreKeyException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.identity.IdentityKey;
import dev.parley.crypto.identity.SafetyNumber;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.session.SessionBuilder;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.crypto.wire.Usernames;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.service.BlockedUserException;
import dev.parley.desktop.service.CannotAddSelfException;
import dev.parley.desktop.service.ContactService;
import dev.parley.desktop.service.IdentityChangedException;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.OwnDeviceSync;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.payload.DeviceSyncPayloads.ContactSync.Change;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.service.SafetyNumberView;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.UnknownUserException;
import dev.parley.desktop.service.connection.RelayGateway;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ContactService} over the profile's storage, the session protocol and the relay. */
public final class DefaultContactService implements ContactService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultContactService.class);

    private final ProfileCrypto crypto;
    private final Supplier<RelayGateway> gateway;
    private final Supplier<String> ownUsername;
    private final HeldRelease heldRelease;
    private final PeopleDecisions people;
    private final ContactLinks links;

    /** Decrypts the envelopes held for a sender once their new key is accepted (the messaging service). */
    @FunctionalInterface
    public interface HeldRelease {
        int release(String sender) throws StorageFailureException;
    }

    /** Told after a message request was accepted (sends what was held back: owed receipts, the profile). */
    @FunctionalInterface
    public interface AcceptListener {
        void accepted(String username);
    }

    private final AcceptListener acceptListener;

    private final OwnDeviceSync ownDevices;

    public DefaultContactService(ProfileCrypto crypto, Supplier<RelayGateway> gateway, Supplier<String> ownUsername,
                                 HeldRelease heldRelease) {
        this(crypto, gateway, ownUsername, heldRelease, username -> { }, OwnDeviceSync.NONE);
    }

    /**
     * @param ownDevices tells this account's other devices of each change (issue #17, contact sync)
     */
    public DefaultContactService(ProfileCrypto crypto, Supplier<RelayGateway> gateway, Supplier<String> ownUsername,
                                 HeldRelease heldRelease, AcceptListener acceptListener, OwnDeviceSync ownDevices) {
        this.ownDevices = ownDevices;
        this.acceptListener = acceptListener;
        this.crypto = crypto;
        this.gateway = gateway;
        this.ownUsername = ownUsername;
        this.heldRelease = heldRelease;
        this.people = new PeopleDecisions(crypto);
        this.links = new ContactLinks(crypto, ownUsername);
    }

    @Override
    public synchronized Contact add(String username) throws ServiceException {
        if (!Usernames.isValid(username)) {
            throw new UnknownUserException("not a valid username");
        }
        if (username.equals(ownUsername.get())) {
            throw new CannotAddSelfException("you cannot add yourself as a contact");
        }
        if (blocked().contains(username)) {
            throw new BlockedUserException("this user is blocked; unblock them first");
        }
        Optional<Contact> existing = find(username);
        if (existing.isPresent() && hasSession(username)) {
            if (existing.get().identityChange() == IdentityChangeState.REQUEST) {
                return accept(username);
            }
            return existing.get();
        }
        FirstBundle first = FirstBundle.fetch(gateway.get(), username);
        startSession(first.address(), first.bundle());
        LOG.info("contact added");
        Contact added = get(username);
        sync(Change.ADDED, username, added.identityKey());
        return added;
    }

    /** Issue #17: tells this account's other devices (a key of another length than an identity key's is not sent). */
    private void sync(Change change, String username, byte[] key) {
        if (change.carriesKey() && (key == null || key.length != IdentityKey.BYTES)) {
            return;
        }
        ownDevices.send(new Payload.ContactSync(change, username, change.carriesKey() ? key : null));
    }

    private void startSession(dev.parley.desktop.crypto.DeviceAddress address, Response.Bundle bundle)
            throws ServiceException {
        String username = address.username();
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            new SessionBuilder(work.stores(), crypto.context(), address.session()).initiate(bundle.bundle());
            if (address.deviceId() != 1 && !work.devices().of(username).contains(address.deviceId())) {
                work.devices().set(username, java.util.List.of(address.deviceId()));
            }
            storage().transactions().transaction(false, txn -> {
                work.commit(txn);
                Contact contact = storage().contacts().find(txn, username).orElseThrow();
                txn.attach(new ContactChangedEvent(contact, ContactChangedEvent.Change.ADDED));
            });
            work.committed();
        } catch (InvalidSignedPreKeyException e) {
            throw new RelayRejectedException("the relay served a prekey bundle whose signature does not verify", e);
        } catch (UntrustedIdentityException e) {
            throw new IdentityChangedException("this contact's identity key changed; acknowledge the change first", e);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the contact", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    @Override
    public boolean lookup(String username) throws ServiceException {
        if (!Usernames.isValid(username)) {
            throw new InvalidInputException("not a valid username: 3 to 32 characters a-z 0-9 . _ - starting with a letter or digit");
        }
        return ((Response.LookupResult) gateway.get().call(new Request.Lookup(username))).exists();
    }

    @Override
    public String contactLink() throws ServiceException {
        return links.own().format();
    }

    @Override
    public Contact addFromLink(String text) throws ServiceException {
        ContactLink link = links.forThisRelay(ContactLink.parse(text));
        String username = link.username();
        if (username.equals(ownUsername.get())) {
            throw new CannotAddSelfException("this is your own contact link");
        }
        if (blocked().contains(username)) {
            throw new BlockedUserException("this user is blocked; unblock them first");
        }
        Optional<Contact> existing = find(username);
        byte[] key;
        if (existing.isPresent() && hasSession(username)) {
            key = existing.get().identityKey();
            links.verify(link, key);
            if (existing.get().identityChange() == IdentityChangeState.REQUEST) {
                accept(username);
            }
        } else {
            FirstBundle first = FirstBundle.fetch(gateway.get(), username);
            key = first.bundle().bundle().identityKey();
            links.verify(link, key);
            startSession(first.address(), first.bundle());
            LOG.info("contact added from a link");
        }
        return markVerified(username, key);
    }

    @Override
    public List<Contact> list() throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().contacts().list(txn));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        }
    }

    @Override
    public Contact get(String username) throws ServiceException {
        return find(username).orElseThrow(() -> new UnknownContactException("no such contact"));
    }

    @Override
    public SafetyNumberView safetyNumber(String username) throws ServiceException {
        return view(username, get(username).identityKey());
    }

    @Override
    public Optional<SafetyNumberView> pendingSafetyNumber(String username) throws ServiceException {
        Optional<byte[]> pending = KeyDecisions.pendingKey(crypto, username);
        return pending.isEmpty() ? Optional.empty() : Optional.of(view(username, pending.get()));
    }

    private SafetyNumberView view(String username, byte[] key) throws StorageFailureException {
        try {
            SafetyNumber number = SafetyNumber.compute(crypto.context().crypto(), crypto.identity().publicKey(),
                    ownUsername.get(), new IdentityKey(key), username);
            return new SafetyNumberView(username, number.displayString(),
                    Base64.getEncoder().encodeToString(number.qrPayload()), key);
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot load the identity key", e);
        }
    }

    @Override
    public List<Contact> requests() throws ServiceException {
        return list().stream().filter(c -> c.identityChange() == IdentityChangeState.REQUEST).toList();
    }

    @Override
    public Contact markVerified(String username, byte[] displayedKey) throws ServiceException {
        Contact verified = KeyDecisions.markVerified(crypto, username, displayedKey);
        sync(Change.ADDED, username, verified.identityKey());
        sync(Change.VERIFIED, username, verified.identityKey());
        return verified;
    }

    @Override
    public Contact clearVerification(String username) throws ServiceException {
        try {
            Contact updated = storage().transactions().transactionWithResult(false, txn -> {
                if (!storage().contacts().setVerified(txn, username, false)) {
                    return null;
                }
                Contact contact = storage().contacts().find(txn, username).orElseThrow();
                txn.attach(new ContactChangedEvent(contact, ContactChangedEvent.Change.VERIFICATION_CLEARED));
                return contact;
            });
            crypto.state().invalidateContact(username);
            if (updated == null) {
                throw new UnknownContactException("no such contact");
            }
            sync(Change.UNVERIFIED, username, null);
            return updated;
        } catch (StorageException e) {
            throw new StorageFailureException("cannot update the contact", e);
        }
    }

    @Override
    public Contact acknowledgeIdentityChange(String username, byte[] displayedKey) throws ServiceException {
        Contact accepted = KeyDecisions.acceptNewKey(crypto, username, displayedKey);
        int released = heldRelease.release(username);
        LOG.info("new identity key accepted; {} held messages decrypted", released);
        return find(username).orElse(accepted);
    }

    @Override
    public Contact refuseIdentityChange(String username) throws ServiceException {
        return KeyDecisions.refuseNewKey(crypto, username);
    }

    @Override
    public Contact accept(String username) throws ServiceException {
        boolean wasRequest = get(username).identityChange() == IdentityChangeState.REQUEST;
        Contact accepted = KeyDecisions.acceptRequest(crypto, username);
        if (wasRequest && accepted.identityChange() == IdentityChangeState.NONE) {
            acceptListener.accepted(username);
            sync(Change.ADDED, username, accepted.identityKey());
        }
        return accepted;
    }

    @Override
    public boolean block(String username) throws ServiceException {
        boolean changed = people.block(username);
        if (changed) {
            sync(Change.BLOCKED, username, null);
        }
        return changed;
    }

    @Override
    public boolean unblock(String username) throws ServiceException {
        boolean changed = people.unblock(username);
        if (changed) {
            sync(Change.UNBLOCKED, username, null);
        }
        return changed;
    }

    @Override
    public List<String> blocked() throws ServiceException {
        return people.blocked();
    }

    @Override
    public int remove(String username, boolean deleteHistory) throws ServiceException {
        int messages = people.remove(username, deleteHistory).messages();
        sync(deleteHistory ? Change.REMOVED_WITH_HISTORY : Change.REMOVED, username, null);
        return messages;
    }

    private Optional<Contact> find(String username) throws StorageFailureException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().contacts().find(txn, username));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        }
    }

    private boolean hasSession(String username) throws StorageFailureException {
        crypto.lock().lock();
        try {
            return crypto.state().begin().devices().hasAnySession(username);
        } catch (ProtocolStorageException e) {
            throw new StorageFailureException("cannot read the session", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** Whether sending to this contact is allowed now. */
    public static boolean canSend(Contact contact) {
        return contact.identityChange() != IdentityChangeState.CHANGED_UNACKNOWLEDGED;
    }

    private Storage storage() {
        return crypto.storage();
    }
}
