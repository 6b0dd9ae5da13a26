package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingReceipts;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionTask;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery and read receipts going out. Delivery receipts are owed durably: recorded (one entry per sender per batch)
 * in the transaction that stores the messages, and removed in the one that queues the encrypted receipt, so a crash in
 * between only delays them to the next flush. One receipt per contact per up to {@value #MAX_RECEIPT_IDS} ids.
 * Nothing goes to a message request (issue #14): delivery receipts stay owed until it is accepted (sent at the next
 * flush after that), read receipts are not sent; except to a fellow member of a group this profile is active in, who
 * gets both (issue #15, per-member receipts go pairwise to a group message's author), whether a request or nobody's
 * contact here at all ({@link GroupPeers}: sent over the session their sender key came over, storing nothing).
 */
public final class Receipts {
    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);
    /** Most message ids in one receipt payload (the payload format's limit). */
    static final int MAX_RECEIPT_IDS = 1000;

    private final Storage storage;
    private final Recipients recipients;
    private final Outbound outbound;
    private final GroupPeers groupPeers;
    /** Receipts recorded since the last flush; touched only on the inbound thread. */
    private int unsent;

    Receipts(Storage storage, Recipients recipients, Outbound outbound, GroupPeers groupPeers) {
        this.storage = storage;
        this.recipients = recipients;
        this.outbound = outbound;
        this.groupPeers = groupPeers;
    }

    /** Counts delivery receipts that committed batches now owe (inbound thread). */
    public void owed(int count) {
        unsent += count;
    }

    /** Delivery receipts owed since the last flush (inbound thread). */
    public int unsent() {
        return unsent;
    }

    /**
     * Sends every owed delivery receipt (including any a crash left behind), each removed from the owed list in the
     * transaction that queues it.
     */
    public void flush() {
        unsent = 0;
        List<PendingReceipts> owed;
        try {
            owed = storage.transactions().transactionWithResult(true, txn -> storage.pendingReceipts().all(txn));
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
                sendOwed(contact.getKey(), contact.getValue());
            } catch (ServiceException e) {
                LOG.info("delivery receipt not sent: {}", e.getMessage());
            }
        }
    }

    /** Tells a contact that these of its messages were read. */
    void read(String contactName, List<MessageId> ids) throws ServiceException {
        List<dev.parley.crypto.payload.MessageId> raw = new ArrayList<>(ids.size());
        for (MessageId id : ids) {
            raw.add(wire(id));
        }
        send(contactName, new Payload.ReadReceipt(raw), txn -> { });
    }

    private void sendOwed(String contactName, List<PendingReceipts> entries) throws ServiceException {
        Optional<Contact> contact = recipient(contactName);
        if (contact.isEmpty()) {
            return; // owed until they become a contact or a fellow member with a session (issue #15)
        }
        if (contact.get().identityChange() == IdentityChangeState.REQUEST
                && !recipients.mayReceiveReceipts(contact.get())) {
            return; // owed until the user accepts the request (issue #14); deleted with the request
        }
        List<dev.parley.crypto.payload.MessageId> ids = new ArrayList<>();
        List<Long> covered = new ArrayList<>();
        for (PendingReceipts entry : entries) {
            if (!ids.isEmpty() && ids.size() + entry.messageIds().size() > MAX_RECEIPT_IDS) {
                sendDelivered(contactName, ids, covered);
                ids = new ArrayList<>();
                covered = new ArrayList<>();
            }
            for (MessageId id : entry.messageIds()) {
                if (ids.size() == MAX_RECEIPT_IDS) {
                    sendDelivered(contactName, ids, List.of());
                    ids = new ArrayList<>();
                }
                ids.add(wire(id));
            }
            covered.add(entry.id());
        }
        sendDelivered(contactName, ids, covered);
    }

    private void sendDelivered(String contactName, List<dev.parley.crypto.payload.MessageId> ids, List<Long> covered)
            throws ServiceException {
        send(contactName, new Payload.DeliveryReceipt(ids), txn -> storage.pendingReceipts().remove(txn, covered));
    }

    /**
     * Queues a receipt through {@link Outbound}, running {@code alsoCommit} in the same transaction. A contact whose
     * identity key changed, whose message request is not accepted, or who is blocked gets nothing; {@code alsoCommit}
     * still runs (a receipt not sent then is never sent).
     */
    private void send(String contactName, Payload payload, TransactionTask<StorageException> alsoCommit)
            throws ServiceException {
        Contact contact = recipient(contactName)
                .orElseThrow(() -> new UnknownContactException("no such contact or fellow group member"));
        if (!recipients.mayReceiveReceipts(contact)) {
            try {
                storage.transactions().transaction(false, alsoCommit);
            } catch (StorageException e) {
                throw new StorageFailureException("cannot drop a receipt", e);
            }
            return;
        }
        outbound.stored(contact, payload, outbound.newOutboxId(), txn -> {
            alsoCommit.run(txn);
            return null;
        });
    }

    /**
     * The contact, or else a fellow member of an active group who is no contact here but has a pairwise session with
     * this profile (issue #15: their sender key came over it), as an unstored recipient; empty if neither.
     */
    private Optional<Contact> recipient(String name) throws ServiceException {
        try {
            return Optional.of(recipients.find(name));
        } catch (UnknownContactException e) {
            return groupPeers.of(name);
        }
    }

    private static dev.parley.crypto.payload.MessageId wire(MessageId id) {
        return new dev.parley.crypto.payload.MessageId(HexFormat.of().parseHex(id.value()));
    }
}
