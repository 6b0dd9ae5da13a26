package dev.parley.desktop.service.messaging;

import dev.parley.crypto.envelope.MultiRecipientSeal;
import dev.parley.crypto.wire.MultiRecipientBlob;
import dev.parley.crypto.payload.Payload;
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
import dev.parley.desktop.storage.SharedParts;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way anything leaves this profile: encrypt a payload on a protocol unit of work, seal it, and commit the new
 * session state together with the outbox entry and whatever the feature stores with it (a message row, the removal
 * of owed receipts) in one transaction; then hand the committed item to the connection. Every feature sends through
 * here, under the profile's protocol lock.
 *
 * <p>The items are handed over before the lock is released, so the connection gets them in the order they were
 * encrypted and committed, whichever threads send (before, the user's first message on this profile's own session,
 * committed first, could otherwise reach the contact after the delivery receipt the inbound thread encrypted next on
 * the contact's session, and the contact took the first message for a restarted session).
 */
public final class Outbound {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Consumer<java.util.List<Outbox.Item>> submitter;
    private final SenderVerifier verifier;
    private final DeviceFanout fanout;

    /**
     * @param submitter hands committed outbox items to the connection, in order (sent now if online, else at the
     *                  next login); called under the protocol lock, so it must only queue them, never block
     */
    public Outbound(ProfileCrypto crypto, Supplier<String> ownUsername, Consumer<java.util.List<Outbox.Item>> submitter,
                    SenderVerifier verifier) {
        this.verifier = verifier;
        this.fanout = new DeviceFanout(crypto, ownUsername, verifier);
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.submitter = submitter;
    }

    /**
     * Sends a payload that must arrive: queued durably in the outbox under {@code outboxId} (the relay's dedupe key;
     * for a text, its message id), committed with {@code alsoCommit}, whose result is returned. A conversation action
     * also goes to this account's other devices as a sent transcript, under the same id (issue #17).
     */
    public <T> T stored(Contact recipient, Payload payload, MessageId outboxId,
                        TransactionFunction<T, StorageException> alsoCommit) throws ServiceException {
        java.util.List<Outbox.Item> items = new java.util.ArrayList<>();
        T result;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            java.util.List<DeviceFanout.Copy> copies = new java.util.ArrayList<>(fanout.copies(work, recipient, payload));
            copies.addAll(fanout.transcripts(work, recipient, payload));
            Instant now = crypto.context().clock().instant();
            result = crypto.storage().transactions().transactionWithResult(false, txn -> {
                T value = alsoCommit.apply(txn);
                enqueue(txn, outboxId, copies, now);
                work.commit(txn);
                return value;
            });
            work.committed();
            addItems(items, outboxId, copies);
            submitter.accept(items);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot queue the message", e);
        } finally {
            crypto.lock().unlock();
        }
        return result;
    }

    /** One payload for one recipient, queued under {@code outboxId} (unique per recipient). */
    public record Outgoing(Contact recipient, Payload payload, MessageId outboxId) {
    }

    /**
     * Sends several payloads that must arrive (a group's sender keys, changes and messages, issue #15): all encrypted on
     * one protocol unit of work and queued in one transaction with {@code alsoCommit}, in list order.
     */
    public <T> T storedAll(java.util.List<Outgoing> outgoing, TransactionFunction<T, StorageException> alsoCommit)
            throws ServiceException {
        return storedAll(outgoing, null, alsoCommit);
    }

    /**
     * One message for many recipients, sealed once (docs/protocol.md 1.15.4) and uploaded once with
     * {@code send_multi}: {@code message} is the shared content (a sender-key message).
     *
     * @param recipients contacts with a trusted identity key
     * @param outboxId   the relay's dedupe key, the same for every recipient
     */
    public record Multi(java.util.List<Contact> recipients, byte[] message, MessageId outboxId) {
    }

    /**
     * As {@link #storedAll(java.util.List, TransactionFunction)}, followed by {@code multi} (if not null) queued as
     * one multi-recipient blob per recipient ({@code 0x4D || header || body}, the bytes the relay would deliver; the
     * body stored once, {@code OutboxStore#enqueueShared}), in the same transaction; the connection sends those in one
     * {@code send_multi} after the pairwise ones.
     */
    public <T> T storedAll(java.util.List<Outgoing> outgoing, Multi multi,
                           TransactionFunction<T, StorageException> alsoCommit) throws ServiceException {
        return storedAll(outgoing, multi, java.util.List.of(), alsoCommit);
    }

    /**
     * A payload for this account's other devices only (issue #17: a group change or a group transcript), queued under
     * {@code outboxId} (unique per device).
     */
    public record Own(Payload payload, MessageId outboxId) {
    }

    /**
     * As {@link #storedAll(java.util.List, Multi, TransactionFunction)}, with {@code own} encrypted for each of this
     * account's other devices that has a session and queued in the same transaction, after the pairwise payloads and
     * before {@code multi}; nothing of {@code own} for an account with one device.
     */
    public <T> T storedAll(java.util.List<Outgoing> outgoing, Multi multi, java.util.List<Own> own,
                           TransactionFunction<T, StorageException> alsoCommit) throws ServiceException {
        java.util.List<Outbox.Item> items = new java.util.ArrayList<>(outgoing.size());
        T result;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            java.util.List<java.util.List<DeviceFanout.Copy>> blobs = new java.util.ArrayList<>(outgoing.size());
            for (Outgoing o : outgoing) {
                blobs.add(fanout.copies(work, o.recipient(), o.payload()));
            }
            java.util.List<java.util.List<DeviceFanout.Copy>> ownBlobs = new java.util.ArrayList<>(own.size());
            for (Own o : own) {
                ownBlobs.add(fanout.ownCopies(work, o.payload()));
            }
            SealedForMany many = multi == null ? null : sealForMany(multi);
            Instant now = crypto.context().clock().instant();
            result = crypto.storage().transactions().transactionWithResult(false, txn -> {
                T value = alsoCommit.apply(txn);
                for (int i = 0; i < outgoing.size(); i++) {
                    enqueue(txn, outgoing.get(i).outboxId(), blobs.get(i), now);
                }
                for (int i = 0; i < own.size(); i++) {
                    enqueue(txn, own.get(i).outboxId(), ownBlobs.get(i), now);
                }
                if (many != null) {
                    crypto.storage().outbox().enqueueShared(txn, multi.outboxId(),
                            multi.recipients().stream().map(Contact::username).toList(), many.headerParts(),
                            many.body(), now);
                }
                work.commit(txn);
                return value;
            });
            work.committed();
            for (int i = 0; i < outgoing.size(); i++) {
                addItems(items, outgoing.get(i).outboxId(), blobs.get(i));
            }
            for (int i = 0; i < own.size(); i++) {
                addItems(items, own.get(i).outboxId(), ownBlobs.get(i));
            }
            if (many != null) {
                byte[] clientMessageId = HexFormat.of().parseHex(multi.outboxId().value());
                for (int i = 0; i < many.headerParts().size(); i++) {
                    items.add(new Outbox.Item(clientMessageId, multi.recipients().get(i).username(),
                            SharedParts.join(many.headerParts().get(i), many.body()), false));
                }
            }
            submitter.accept(items);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot queue the messages", e);
        } finally {
            crypto.lock().unlock();
        }
        return result;
    }

    /**
     * Issue #17: sends a payload that must arrive to this account's other devices only (read sync), queued under a
     * fresh outbox id; nothing for an account with one device.
     */
    public void toOwnDevices(Payload payload) throws ServiceException {
        toOwnDevices(payload, txn -> { });
    }

    /**
     * Issue #17, history transfer: like {@link #toOwnDevices(Payload)}, with {@code alsoCommit} (the transfer's
     * progress) in the same transaction as the outbox entries.
     *
     * @return false, and nothing done, when this account has no other device with a session yet
     */
    public boolean toOwnDevices(Payload payload, dev.parley.desktop.storage.TransactionTask<StorageException> alsoCommit)
            throws ServiceException {
        java.util.List<Outbox.Item> items = new java.util.ArrayList<>();
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            java.util.List<DeviceFanout.Copy> copies = fanout.ownCopies(work, payload);
            if (copies.isEmpty()) {
                return false;
            }
            MessageId outboxId = newOutboxId();
            Instant now = crypto.context().clock().instant();
            crypto.storage().transactions().transaction(false, txn -> {
                alsoCommit.run(txn);
                enqueue(txn, outboxId, copies, now);
                work.commit(txn);
            });
            work.committed();
            addItems(items, outboxId, copies);
            submitter.accept(items);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot queue the message", e);
        } finally {
            crypto.lock().unlock();
        }
        return true;
    }

    /**
     * Sends a payload that may be lost (typing): only the session state is stored; sent only if online, one copy per
     * device of the recipient this profile has a session with (issue #17: {@code device_send_ephemeral}).
     */
    public void ephemeral(Contact recipient, Payload payload) throws ServiceException {
        java.util.List<Outbox.Item> items;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            items = ephemeralCopies(work, recipient, payload);
            crypto.storage().transactions().transaction(false, work::commit);
            work.committed();
            submitter.accept(items);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the session state", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** The ephemeral items of one payload for each of the recipient's devices, under one random id. */
    private java.util.List<Outbox.Item> ephemeralCopies(ProtocolUnitOfWork work, Contact recipient, Payload payload)
            throws ServiceException {
        byte[] id = crypto.context().random().bytes(16);
        java.util.List<Outbox.Item> items = new java.util.ArrayList<>();
        for (DeviceFanout.Copy copy : fanout.copies(work, recipient, payload)) {
            items.add(new Outbox.Item(id, copy.address().value(), copy.blob(), true));
        }
        return items;
    }

    /**
     * Sends one payload that may be lost (presence) to each of {@code recipients} (each of their devices with a
     * session, issue #17): all encrypted on one protocol unit of work, the session states committed in one transaction,
     * the items handed to the connection together. A recipient it cannot be encrypted for (no session, an
     * unacknowledged key) is skipped; returns how many recipients it went to.
     */
    public int ephemeralAll(java.util.List<Contact> recipients, Payload payload) throws ServiceException {
        return sealEphemeralAll(recipients, payload, submitter).reached();
    }

    /**
     * Ephemeral items for {@code recipients}, encrypted and their session states committed as by {@link #ephemeralAll},
     * but not handed to the connection: for the caller to send later (presence "offline" as the profile locks, sent
     * after the storage closed, issue #14).
     */
    public Sealed sealEphemeralAll(java.util.List<Contact> recipients, Payload payload) throws ServiceException {
        return sealEphemeralAll(recipients, payload, items -> { });
    }

    /** As {@link #sealEphemeralAll(java.util.List, Payload)}, the items handed to {@code then} under the lock. */
    private Sealed sealEphemeralAll(java.util.List<Contact> recipients, Payload payload,
                                    Consumer<java.util.List<Outbox.Item>> then) throws ServiceException {
        java.util.List<Outbox.Item> items = new java.util.ArrayList<>(recipients.size());
        int reached = 0;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            for (Contact recipient : recipients) {
                try {
                    items.addAll(ephemeralCopies(work, recipient, payload));
                    reached++;
                } catch (IdentityChangedException | UnknownContactException e) {
                    // this recipient's key is unacknowledged or no session exists: skip them, send to the others
                }
            }
            if (items.isEmpty()) {
                return new Sealed(java.util.List.of(), 0);
            }
            crypto.storage().transactions().transaction(false, work::commit);
            work.committed();
            then.accept(items);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the session state", e);
        } finally {
            crypto.lock().unlock();
        }
        return new Sealed(java.util.List.copyOf(items), reached);
    }

    /** Ephemeral items ready to send, and to how many recipients they go. */
    public record Sealed(java.util.List<Outbox.Item> items, int reached) {
    }

    private void enqueue(dev.parley.desktop.storage.Transaction txn, MessageId outboxId,
                         java.util.List<DeviceFanout.Copy> copies, Instant now) throws StorageException {
        for (DeviceFanout.Copy copy : copies) {
            crypto.storage().outbox().enqueue(txn, outboxId, copy.address().value(), copy.blob(), copy.payload(), now);
        }
    }

    private static void addItems(java.util.List<Outbox.Item> items, MessageId outboxId,
                                 java.util.List<DeviceFanout.Copy> copies) {
        for (DeviceFanout.Copy copy : copies) {
            items.add(new Outbox.Item(HexFormat.of().parseHex(outboxId.value()), copy.address().value(), copy.blob(),
                    false));
        }
    }

    /** The per-device encryption of this outbound path (issue #17), which the outbox also uses to correct lists. */
    public DeviceFanout fanout() {
        return fanout;
    }

    /** A fresh random id for an outbox entry that carries no message of its own (receipts). */
    public MessageId newOutboxId() {
        return new MessageId(dev.parley.crypto.payload.MessageId.random(crypto.context().random()).hex());
    }

    /** A message sealed for many: each recipient's part of its blob before the body ({@code 0x4D || len || header}). */
    private record SealedForMany(java.util.List<byte[]> headerParts, byte[] body) {
    }

    private SealedForMany sealForMany(Multi multi) throws ServiceException {
        for (Contact recipient : multi.recipients()) {
            if (recipient.identityChange() == dev.parley.desktop.storage.IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
                throw new IdentityChangedException("a member's identity key changed; acknowledge the change first");
            }
        }
        MultiRecipientSeal.Sealed sealed = verifier.sealForMany(multi.recipients(), multi.message());
        java.util.List<byte[]> parts = new java.util.ArrayList<>(multi.recipients().size());
        for (byte[] header : sealed.headers()) {
            parts.add(MultiRecipientBlob.headerPart(header));
        }
        return new SealedForMany(parts, sealed.body());
    }
}
