package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a direct conversation (split out of {@link DefaultMessagingService}): its unread messages marked read with
 * their read time, a read receipt to the contact if the setting allows, and a read sync to this account's other
 * devices.
 */
final class ReadMarks {
    /** Messages marked read per transaction and read receipt (at most {@link Payload#MAX_RECEIPT_IDS}). */
    static final int PAGE = 500;

    private final ProfileCrypto crypto;
    private final Receipts receipts;
    private final Outbound outbound;

    ReadMarks(ProfileCrypto crypto, Receipts receipts, Outbound outbound) {
        this.crypto = crypto;
        this.receipts = receipts;
        this.outbound = outbound;
    }

    private Storage storage() {
        return crypto.storage();
    }

    /**
     * Marks the direct conversation with {@code contactName} read up to {@code upTo}, {@value #PAGE} messages per
     * transaction with one read receipt each (a receipt holds at most {@link Payload#MAX_RECEIPT_IDS} ids: one for
     * every message of a long unread backlog failed after the marks were committed); returns how many were marked.
     */
    int markRead(String contactName, MessageCursor upTo, boolean readReceipts) throws ServiceException {
        ConversationId conversation = ConversationId.direct(contactName);
        int marked = 0;
        List<MessageId> page;
        List<MessageId> newest = List.of();
        do {
            try {
                page = storage().transactions().transactionWithResult(false, txn -> {
                    List<MessageId> ids = storage().messages().markReadUpTo(txn, conversation, upTo, PAGE);
                    storage().messageTimes().record(txn, ids, MessageState.READ, crypto.context().clock().instant());
                    for (MessageId id : ids) {
                        txn.attach(new MessageStateChangedEvent(contactName, id, MessageState.READ));
                    }
                    return ids;
                });
            } catch (StorageException e) {
                throw new StorageFailureException("cannot mark messages read", e);
            }
            if (!page.isEmpty() && readReceipts && !conversation.isGroup()) {
                receipts.read(contactName, page);
            }
            if (!page.isEmpty()) {
                newest = page;
            }
            marked += page.size();
        } while (page.size() == PAGE);
        if (!newest.isEmpty()) {
            // Issue #17: this account's other devices mark them read too, up to the newest (no-op with one device).
            List<dev.parley.crypto.payload.MessageId> ids = new ArrayList<>();
            for (MessageId id : newest) {
                ids.add(WireIds.wire(id));
            }
            outbound.toOwnDevices(new Payload.ReadSync(contactName, ids));
        }
        return marked;
    }
}
