package dev.parley.desktop.service.messaging;

import dev.parley.crypto.envelope.OpenedEnvelope;
import dev.parley.crypto.exceptions.DuplicateMessageException;
import dev.parley.crypto.exceptions.NoSessionException;
import dev.parley.crypto.exceptions.ProtocolException;
import dev.parley.crypto.exceptions.UntrustedIdentityException;
import dev.parley.crypto.identity.Username;
import dev.parley.crypto.payload.Payload;
import dev.parley.crypto.session.CiphertextMessage;
import dev.parley.crypto.session.DecryptionCallback;
import dev.parley.crypto.session.SessionCipher;
import dev.parley.desktop.crypto.EnvelopeDigests;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.crypto.ProtocolStorageException;
import dev.parley.desktop.crypto.ProtocolUnitOfWork;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.event.TypingChangedEvent;
import dev.parley.desktop.service.IdentityChangedException;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.MessagingService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.service.connection.InboundHandler;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.HeldEnvelope;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.ReceivedEnvelope;
import dev.parley.desktop.storage.Setting;
import dev.parley.desktop.storage.StateUpdate;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.TransactionTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending and receiving for one unlocked profile. Every protocol step is load, compute, commit under the profile's
 * protocol lock: the ratchet runs on buffered state ({@link ProtocolUnitOfWork}), then the message, its outbox entry
 * or receipt effects and the new session state commit in one database transaction.
 *
 * <p>Receiving: each decrypted envelope is recorded (by digest, {@link EnvelopeDigests}) in the same transaction as its
 * message row or control effects and the new session state. A redelivered envelope fails decryption with
 * {@link DuplicateMessageException} (its message key is gone); it is reported as a {@link Outcome#DUPLICATE duplicate}
 * (acknowledged) only when its record is committed and its message is in the history. A used message key is not proof
 * of storage (the ratchet also reports keys it evicted, and a sender restored from a backup reuses ratchet positions),
 * so any other such envelope is {@link Outcome#UNCONFIRMED} and stays on the relay. The message-id dedupe of the store
 * absorbs any other replay.
 * Delivery receipts are owed durably: recorded (one entry per sender per batch) in the transaction that stores the
 * messages, and removed in the one that queues the encrypted receipt, so a crash in between only delays them to the
 * next flush. While the offline queue drains they are sent every {@value #RECEIPT_BATCH} messages and when it is empty
 * (immediately for live messages), one control message per sender per up to 1000 ids. While the queue drains, a {@link PickupProgressEvent}
 * follows each committed batch, and a final one (done) follows the queue-empty signal.
 */
public final class DefaultMessagingService implements MessagingService, InboundHandler, Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMessagingService.class);
    private static final int RECEIPT_BATCH = 200;
    /** Most message ids in one receipt payload (the payload format's limit). */
    private static final int MAX_RECEIPT_IDS = 1000;

    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Consumer<Outbox.Item> submitter;
    private final EventBus events;
    private final SenderVerifier verifier;
    private final ReplayGuard replayGuard;
    /** Receipts recorded since the last flush; touched only on the inbound thread. */
    private int unsentReceipts;
    private volatile boolean pickingUp;
    /** Envelopes handed over since the current pickup started; touched only on the inbound thread. */
    private int pickupReceived;

    /**
     * @param submitter hands a committed outbox item to the connection (sent now if online, else at the next login)
     */
    public DefaultMessagingService(ProfileCrypto crypto, Supplier<String> ownUsername, Consumer<Outbox.Item> submitter,
                                   EventBus events, SenderVerifier verifier) {
        this.crypto = crypto;
        this.verifier = verifier;
        this.replayGuard = new ReplayGuard(crypto);
        this.ownUsername = ownUsername;
        this.submitter = submitter;
        this.events = events;
    }

    // =========================================================================================== sending

    @Override
    public Message send(String contactName, String text) throws ServiceException {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty message");
        }
        if (text.length() > NewMessage.MAX_BODY_CHARS) {
            throw new InvalidInputException("message longer than " + NewMessage.MAX_BODY_CHARS + " characters");
        }
        Contact contact = sendableContact(contactName);
        dev.parley.crypto.payload.MessageId id = dev.parley.crypto.payload.MessageId.random(crypto.context().random());
        Instant now = crypto.context().clock().instant();
        Payload payload = new Payload.Text(id, now.toEpochMilli(), text);
        MessageId storedId = new MessageId(id.hex());
        Outbox.Item item;
        Message stored;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            byte[] blob = encryptAndSeal(work, contact, payload);
            item = new Outbox.Item(id.bytes(), contactName, blob, false);
            stored = storage().transactions().transactionWithResult(false, txn -> {
                List<Message> inserted = storage().messages().insertAllIfAbsent(txn,
                        List.of(NewMessage.outgoing(storedId, new ConversationId(contactName), ownUsername.get(), now, text)));
                storage().outbox().enqueue(txn, storedId, contactName, blob, now);
                work.commit(txn);
                if (contact.identityChange() == IdentityChangeState.REQUEST) {
                    // Writing to someone who wrote first accepts their message request.
                    storage().contacts().setIdentityChange(txn, contactName, IdentityChangeState.NONE);
                }
                return inserted.isEmpty() ? storage().messages().find(txn, storedId).orElseThrow() : inserted.get(0);
            });
            work.committed();
            crypto.state().invalidateContact(contactName);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the message", e);
        } finally {
            crypto.lock().unlock();
        }
        submitter.accept(item);
        return stored;
    }

    @Override
    public void setTyping(String contactName, boolean typing) throws ServiceException {
        if (!setting(Setting.TYPING_INDICATORS)) {
            return;
        }
        Contact contact = sendableContact(contactName);
        Payload payload = typing ? new Payload.TypingStarted() : new Payload.TypingStopped();
        Outbox.Item item;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            byte[] blob = encryptAndSeal(work, contact, payload);
            storage().transactions().transaction(false, work::commit);
            work.committed();
            item = new Outbox.Item(crypto.context().random().bytes(16), contactName, blob, true);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store the session state", e);
        } finally {
            crypto.lock().unlock();
        }
        submitter.accept(item);
    }

    @Override
    public List<MessageId> markRead(String contactName, MessageCursor upTo) throws ServiceException {
        List<MessageId> changed;
        try {
            changed = storage().transactions().transactionWithResult(false, txn -> {
                List<MessageId> ids = storage().messages().markReadUpTo(txn, new ConversationId(contactName), upTo);
                for (MessageId id : ids) {
                    txn.attach(new MessageStateChangedEvent(contactName, id, MessageState.READ));
                }
                return ids;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot mark messages read", e);
        }
        if (!changed.isEmpty() && setting(Setting.READ_RECEIPTS)) {
            List<dev.parley.crypto.payload.MessageId> ids = new ArrayList<>();
            for (MessageId id : changed) {
                ids.add(new dev.parley.crypto.payload.MessageId(HexFormat.of().parseHex(id.value())));
            }
            sendControl(contactName, new Payload.ReadReceipt(ids));
        }
        return changed;
    }

    @Override
    public boolean readReceipts() throws ServiceException {
        return setting(Setting.READ_RECEIPTS);
    }

    @Override
    public void setReadReceipts(boolean enabled) throws ServiceException {
        try {
            storage().transactions().transaction(false, txn -> storage().settings().set(txn, Setting.READ_RECEIPTS, enabled));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot change the setting", e);
        }
    }

    @Override
    public MessagePage history(String contactName, Optional<MessageCursor> before, int limit) throws ServiceException {
        checkLimit(limit);
        try {
            return storage().transactions().transactionWithResult(true,
                    txn -> storage().messages().page(txn, new ConversationId(contactName), before, limit));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history", e);
        }
    }

    @Override
    public List<Message> historyAfter(String contactName, MessageCursor after, int limit) throws ServiceException {
        checkLimit(limit);
        try {
            return storage().transactions().transactionWithResult(true,
                    txn -> storage().messages().pageAfter(txn, new ConversationId(contactName), after, limit));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history", e);
        }
    }

    @Override
    public List<Message> search(String query, Optional<String> contactName, int limit) throws ServiceException {
        checkLimit(limit);
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().messages()
                    .search(txn, query, contactName.map(ConversationId::new), limit));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot search the history", e);
        }
    }

    // =========================================================================================== receiving

    @Override
    public void onPickupStarted() {
        pickupReceived = 0;
        pickingUp = true;
    }

    @Override
    public void onQueueDrained() {
        pickingUp = false;
        flushReceipts();
        events.publish(new PickupProgressEvent(pickupReceived, true));
    }

    @Override
    public Outcome onDelivery(long relayMessageId, long receivedAtMillis, byte[] blob) throws StorageFailureException {
        return onDeliveries(List.of(new Delivery(relayMessageId, receivedAtMillis, blob))).get(0);
    }

    /** Decrypts the whole batch on one unit of work and commits messages and session state in one transaction. */
    @Override
    public List<Outcome> onDeliveries(List<Delivery> batch) throws StorageFailureException {
        List<Outcome> outcomes;
        crypto.lock().lock();
        try {
            outcomes = receive(batch);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot store incoming messages", e);
        } finally {
            crypto.lock().unlock();
        }
        if (pickingUp) {
            pickupReceived += batch.size();
            events.publish(new PickupProgressEvent(pickupReceived, false));
        }
        if (!pickingUp || unsentReceipts >= RECEIPT_BATCH) {
            flushReceipts();
        }
        return outcomes;
    }

    @Override
    public void onEphemeral(byte[] blob) {
        crypto.lock().lock();
        try {
            receiveEphemeral(blob);
        } catch (StorageException | ProtocolStorageException e) {
            LOG.warn("could not process an ephemeral message", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    /** A payload decrypted on the current unit of work, waiting for the commit. */
    private record Decrypted(int index, String sender, Payload payload, EnvelopeDigest digest, OpenedEnvelope opened) {
    }

    /** An envelope whose message key the ratchet reports as used: safe to acknowledge only if its record is committed. */
    private record Redelivered(int index, EnvelopeDigest digest) {
    }

    /**
     * Decrypts a typing indicator and commits the ratchet step. Anything else on an ephemeral frame is dropped
     * <em>without</em> committing the step, so the same message delivered properly later still decrypts.
     */
    private void receiveEphemeral(byte[] blob) throws StorageException {
        OpenedEnvelope opened;
        try {
            opened = verifier.open(blob, crypto.context().clock().millis());
        } catch (ProtocolException | ServiceException e) {
            LOG.warn("dropping an ephemeral envelope that does not open: {}", e.getClass().getSimpleName());
            return;
        }
        String sender = opened.senderUsername().value();
        if (verifier.decide(opened) != SenderVerifier.Decision.ACCEPT) {
            LOG.debug("dropping an ephemeral envelope from someone who is not a contact with this key");
            return;
        }
        ProtocolUnitOfWork work = crypto.state().begin();
        Payload payload;
        try {
            payload = new SessionCipher(work.stores(), crypto.context(), opened.senderUsername())
                    .decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
        } catch (ProtocolException e) {
            LOG.debug("dropping an ephemeral message that does not decrypt: {}", e.getClass().getSimpleName());
            return;
        }
        if (!(payload instanceof Payload.TypingStarted) && !(payload instanceof Payload.TypingStopped)) {
            LOG.warn("dropping a non-ephemeral payload that arrived as an ephemeral frame; its session step is not kept");
            return;
        }
        storage().transactions().transaction(false, work::commit);
        work.committed();
        events.publish(new TypingChangedEvent(sender, payload instanceof Payload.TypingStarted));
    }

    /** An authenticated envelope from a known contact with a new key: stored apart, undecrypted (finding 1). */
    private record Held(int index, OpenedEnvelope opened, Delivery delivery) {
    }

    private List<Outcome> receive(List<Delivery> deliveries) throws StorageException {
        Outcome[] outcomes = new Outcome[deliveries.size()];
        ProtocolUnitOfWork work = crypto.state().begin();
        List<Decrypted> decrypted = new ArrayList<>();
        List<Redelivered> redelivered = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            OpenedEnvelope opened;
            try {
                opened = verifier.open(deliveries.get(i).blob(), deliveries.get(i).receivedAtMillis());
            } catch (ProtocolException e) {
                LOG.warn("dropping an envelope that does not open: {}", e.getClass().getSimpleName());
                outcomes[i] = Outcome.REJECTED;
                continue;
            } catch (ServiceException e) {
                LOG.warn("cannot check envelopes yet: {}", e.getMessage());
                outcomes[i] = Outcome.UNCONFIRMED;
                continue;
            }
            String sender = opened.senderUsername().value();
            SenderVerifier.Decision decision = verifier.decide(opened);
            if (decision == SenderVerifier.Decision.HOLD) {
                held.add(new Held(i, opened, deliveries.get(i)));
                outcomes[i] = Outcome.STORED;
                continue;
            }
            if (decision == SenderVerifier.Decision.REFUSE) {
                LOG.warn("dropping an envelope with a new identity key: too many are held for this contact");
                outcomes[i] = Outcome.REJECTED;
                continue;
            }
            if (replayGuard.isReplayedFirstMessage(work, opened)) {
                LOG.warn("dropping a replayed first message whose session is gone");
                outcomes[i] = Outcome.REJECTED;
                continue;
            }
            EnvelopeDigest digest = EnvelopeDigests.of(opened);
            try {
                Payload payload = new SessionCipher(work.stores(), crypto.context(), opened.senderUsername())
                        .decrypt(opened.senderIdentity(), opened.message(), DecryptionCallback.NONE);
                decrypted.add(new Decrypted(i, sender, payload, digest, opened));
            } catch (DuplicateMessageException e) {
                // Its message key is gone: decided below, against the committed record of received envelopes.
                redelivered.add(new Redelivered(i, digest));
            } catch (ProtocolException e) {
                LOG.warn("dropping a message that does not decrypt: {}", e.getClass().getSimpleName());
                outcomes[i] = Outcome.REJECTED;
            }
        }
        if (work.isEmpty() && decrypted.isEmpty() && redelivered.isEmpty() && held.isEmpty()) {
            return java.util.Arrays.asList(outcomes);
        }
        Instant now = crypto.context().clock().instant();
        storage().transactions().transaction(false, txn -> {
            for (Held h : held) {
                verifier.hold(txn, h.opened(), h.delivery().blob(), h.delivery().receivedAtMillis());
            }
            for (ProtocolUnitOfWork.IdentityOutcome outcome : work.commit(txn)) {
                if (outcome.added()) {
                    verifier.markRequest(txn, outcome.username());
                    txn.attach(new ContactChangedEvent(storage().contacts().find(txn, outcome.username()).orElseThrow(),
                            ContactChangedEvent.Change.ADDED));
                }
            }
            List<ReceivedEnvelope> records = new ArrayList<>(decrypted.size());
            List<NewMessage> texts = new ArrayList<>();
            for (Decrypted d : decrypted) {
                if (d.payload() instanceof Payload.Text) {
                    texts.add(incoming(d.sender(), (Payload.Text) d.payload(), now));
                } else {
                    applyControl(txn, d.sender(), d.payload());
                }
                records.add(new ReceivedEnvelope(d.digest(), messageIdOf(d.payload())));
                replayGuard.remember(txn, d.opened(), now.toEpochMilli());
            }
            java.util.Set<MessageId> fresh = new java.util.HashSet<>();
            for (Message message : storage().messages().insertAllIfAbsent(txn, texts)) {
                fresh.add(message.messageId());
                txn.attach(new MessageReceivedEvent(message));
            }
            for (Decrypted d : decrypted) {
                Optional<MessageId> message = messageIdOf(d.payload());
                // The first envelope carrying a new id stored it; any later one in the batch repeats it.
                outcomes[d.index()] = message.isEmpty() || fresh.remove(message.get()) ? Outcome.STORED : Outcome.DUPLICATE;
            }
            storage().receivedEnvelopes().recordAll(txn, records);
            Map<String, List<MessageId>> owed = new LinkedHashMap<>();
            for (Decrypted d : decrypted) {
                if (d.payload() instanceof Payload.Text && outcomes[d.index()] == Outcome.STORED) {
                    owed.computeIfAbsent(d.sender(), s -> new ArrayList<>()).add(messageIdOf(d.payload()).orElseThrow());
                }
            }
            for (Map.Entry<String, List<MessageId>> receipt : owed.entrySet()) {
                storage().pendingReceipts().add(txn, receipt.getKey(), receipt.getValue());
            }
            for (Redelivered r : redelivered) {
                outcomes[r.index()] = isSafelyStored(txn, r.digest()) ? Outcome.DUPLICATE : Outcome.UNCONFIRMED;
            }
        });
        work.committed();
        for (Decrypted d : decrypted) {
            if (d.payload() instanceof Payload.Text && outcomes[d.index()] == Outcome.STORED) {
                unsentReceipts++;
            }
            if (d.payload() instanceof Payload.TypingStarted || d.payload() instanceof Payload.TypingStopped) {
                events.publish(new TypingChangedEvent(d.sender(), d.payload() instanceof Payload.TypingStarted));
            }
        }
        if (!redelivered.isEmpty()) {
            LOG.debug("{} redelivered envelopes: {} already stored", redelivered.size(),
                    redelivered.stream().filter(r -> outcomes[r.index()] == Outcome.DUPLICATE).count());
        }
        return java.util.Arrays.asList(outcomes);
    }

    /** True if the envelope was committed: its message is in the history, or it was a control message and applied. */
    private boolean isSafelyStored(Transaction txn, EnvelopeDigest digest) throws StorageException {
        Optional<ReceivedEnvelope> record = storage().receivedEnvelopes().find(txn, digest);
        if (record.isEmpty()) {
            return false;
        }
        Optional<MessageId> message = record.get().messageId();
        return message.isEmpty() || storage().messages().find(txn, message.get()).isPresent();
    }

    private static Optional<MessageId> messageIdOf(Payload payload) {
        if (payload instanceof Payload.Text) {
            return Optional.of(new MessageId(((Payload.Text) payload).id().hex()));
        }
        return Optional.empty();
    }

    private static NewMessage incoming(String sender, Payload.Text text, Instant now) {
        String body = text.text().length() > NewMessage.MAX_BODY_CHARS
                ? text.text().substring(0, NewMessage.MAX_BODY_CHARS) : text.text();
        return NewMessage.incoming(new MessageId(text.id().hex()), new ConversationId(sender), sender,
                Instant.ofEpochMilli(text.sentAtMillis()), now, body);
    }

    /** Applies a decrypted control payload (receipts) inside the transaction; others change nothing. */
    private void applyControl(Transaction txn, String sender, Payload payload) throws StorageException {
        if (payload instanceof Payload.DeliveryReceipt) {
            advance(txn, sender, ((Payload.DeliveryReceipt) payload).ids(), MessageState.DELIVERED);
        } else if (payload instanceof Payload.ReadReceipt) {
            advance(txn, sender, ((Payload.ReadReceipt) payload).ids(), MessageState.READ);
        }
    }

    private void advance(Transaction txn, String sender, List<dev.parley.crypto.payload.MessageId> ids, MessageState state)
            throws StorageException {
        for (dev.parley.crypto.payload.MessageId raw : ids) {
            MessageId id = new MessageId(raw.hex());
            Optional<Message> message = storage().messages().find(txn, id);
            if (message.isEmpty() || !message.get().conversationId().value().equals(sender)) {
                continue;
            }
            if (storage().messages().updateState(txn, id, state, null) == StateUpdate.APPLIED) {
                txn.attach(new MessageStateChangedEvent(sender, id, state));
            }
        }
    }

    /**
     * Sends every owed delivery receipt (including any a crash left behind): one receipt per contact per up to
     * {@link #MAX_RECEIPT_IDS} messages, each removed from the owed list in the transaction that queues it.
     */
    private void flushReceipts() {
        unsentReceipts = 0;
        List<PendingReceipts> owed;
        try {
            owed = storage().transactions().transactionWithResult(true, txn -> storage().pendingReceipts().all(txn));
        } catch (StorageException e) {
            LOG.warn("cannot read the owed delivery receipts; they are sent later", e);
            return;
        }
        Map<String, List<PendingReceipts>> byContact = new LinkedHashMap<>();
        for (PendingReceipts entry : owed) {
            byContact.computeIfAbsent(entry.recipient(), r -> new ArrayList<>()).add(entry);
        }
        for (Map.Entry<String, List<PendingReceipts>> contact : byContact.entrySet()) {
            try {
                sendReceipts(contact.getKey(), contact.getValue());
            } catch (ServiceException e) {
                LOG.info("delivery receipt not sent: {}", e.getMessage());
            }
        }
    }

    private void sendReceipts(String contactName, List<PendingReceipts> entries) throws ServiceException {
        List<dev.parley.crypto.payload.MessageId> ids = new ArrayList<>();
        List<Long> covered = new ArrayList<>();
        for (PendingReceipts entry : entries) {
            if (!ids.isEmpty() && ids.size() + entry.messageIds().size() > MAX_RECEIPT_IDS) {
                sendReceipt(contactName, ids, covered);
                ids = new ArrayList<>();
                covered = new ArrayList<>();
            }
            for (MessageId id : entry.messageIds()) {
                if (ids.size() == MAX_RECEIPT_IDS) {
                    sendReceipt(contactName, ids, List.of());
                    ids = new ArrayList<>();
                }
                ids.add(new dev.parley.crypto.payload.MessageId(HexFormat.of().parseHex(id.value())));
            }
            covered.add(entry.id());
        }
        sendReceipt(contactName, ids, covered);
    }

    private void sendReceipt(String contactName, List<dev.parley.crypto.payload.MessageId> ids, List<Long> covered)
            throws ServiceException {
        sendControl(contactName, new Payload.DeliveryReceipt(ids), txn -> storage().pendingReceipts().remove(txn, covered));
    }

    /** Encrypts a control payload (receipt) to a contact and queues it durably in the outbox. */
    private void sendControl(String contactName, Payload payload) throws ServiceException {
        sendControl(contactName, payload, txn -> { });
    }

    /**
     * Encrypts a control payload (receipt) to a contact and queues it durably in the outbox, running {@code alsoCommit}
     * in the same transaction. A contact whose identity key changed gets nothing; {@code alsoCommit} still runs.
     */
    private void sendControl(String contactName, Payload payload, TransactionTask<StorageException> alsoCommit)
            throws ServiceException {
        Contact contact = findContact(contactName);
        if (contact.identityChange() == IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
            try {
                storage().transactions().transaction(false, alsoCommit);
            } catch (StorageException e) {
                throw new StorageFailureException("cannot drop a receipt", e);
            }
            return;
        }
        MessageId outboxId = new MessageId(dev.parley.crypto.payload.MessageId.random(crypto.context().random()).hex());
        Outbox.Item item;
        crypto.lock().lock();
        try {
            ProtocolUnitOfWork work = crypto.state().begin();
            byte[] blob = encryptAndSeal(work, contact, payload);
            Instant now = crypto.context().clock().instant();
            storage().transactions().transaction(false, txn -> {
                storage().outbox().enqueue(txn, outboxId, contactName, blob, now);
                work.commit(txn);
                alsoCommit.run(txn);
            });
            work.committed();
            item = new Outbox.Item(HexFormat.of().parseHex(outboxId.value()), contactName, blob, false);
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot queue a receipt", e);
        } finally {
            crypto.lock().unlock();
        }
        submitter.accept(item);
    }

    // =========================================================================================== outbox (for the connection)

    @Override
    public List<Outbox.Item> pending() throws StorageFailureException {
        try {
            List<OutboxEntry> entries = storage().transactions().transactionWithResult(true,
                    txn -> storage().outbox().pending(txn, Outbox.BATCH));
            List<Outbox.Item> items = new ArrayList<>(entries.size());
            for (OutboxEntry entry : entries) {
                items.add(new Outbox.Item(HexFormat.of().parseHex(entry.messageId().value()), entry.recipient(), entry.blob(), false));
            }
            return items;
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the outbox", e);
        }
    }

    @Override
    public void accepted(Outbox.Item item) throws StorageFailureException {
        finish(item, MessageState.SENT, null);
    }

    @Override
    public void rejected(Outbox.Item item, String reason) throws StorageFailureException {
        finish(item, MessageState.FAILED, reason);
    }

    private void finish(Outbox.Item item, MessageState state, String reason) throws StorageFailureException {
        MessageId id = new MessageId(HexFormat.of().formatHex(item.clientMessageId()));
        try {
            storage().transactions().transaction(false, txn -> {
                storage().outbox().acknowledge(txn, id, item.recipient());
                if (storage().messages().updateState(txn, id, state, reason) == StateUpdate.APPLIED) {
                    txn.attach(new MessageStateChangedEvent(item.recipient(), id, state));
                }
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record the relay's answer", e);
        }
    }

    // =========================================================================================== helpers

    private byte[] encryptAndSeal(ProtocolUnitOfWork work, Contact contact, Payload payload) throws ServiceException {
        Username peer = new Username(contact.username());
        try {
            CiphertextMessage ciphertext = new SessionCipher(work.stores(), crypto.context(), peer).encrypt(payload);
            return verifier.seal(contact, ciphertext);
        } catch (UntrustedIdentityException e) {
            throw new IdentityChangedException("this contact's identity key changed; acknowledge the change first", e);
        } catch (NoSessionException e) {
            throw new UnknownContactException("no session with this contact yet: add the contact first");
        }
    }

    private Contact sendableContact(String contactName) throws ServiceException {
        Contact contact = findContact(contactName);
        if (contact.identityChange() == IdentityChangeState.CHANGED_UNACKNOWLEDGED) {
            throw new IdentityChangedException("this contact's identity key changed; acknowledge the change first");
        }
        return contact;
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
            receive(deliveries);
            storage().transactions().transaction(false, txn -> storage().heldEnvelopes().removeAll(txn, sender));
            return held.size();
        } catch (StorageException | ProtocolStorageException e) {
            throw new StorageFailureException("cannot release the held messages", e);
        } finally {
            crypto.lock().unlock();
        }
    }

    private Contact findContact(String contactName) throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().contacts().find(txn, contactName))
                    .orElseThrow(() -> new UnknownContactException("no such contact"));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read contacts", e);
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such contact");
        }
    }

    private <T> T setting(Setting<T> setting) throws StorageFailureException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().settings().get(txn, setting));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read settings", e);
        }
    }

    private static void checkLimit(int limit) throws InvalidInputException {
        if (limit < 1 || limit > MessageStore.MAX_LIMIT) {
            throw new InvalidInputException("limit must be 1 to " + MessageStore.MAX_LIMIT);
        }
    }

    private Storage storage() {
        return crypto.storage();
    }
}
