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
import java.util.List;

/**
 * Reading a direct conversation (split out of {@link DefaultMessagingService}): its unread messages marked read with
 * their read time, a read receipt to the contact if the setting allows, and a read sync to this account's other
 * devices.
 */
final class ReadMarks {
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

    /** Marks the direct conversation with {@code contactName} read up to {@code upTo}; returns the messages marked. */
    List<MessageId> markRead(String contactName, MessageCursor upTo, boolean readReceipts) throws ServiceException {
        List<MessageId> changed;
        try {
            changed = storage().transactions().transactionWithResult(false, txn -> {
                List<MessageId> ids = storage().messages().markReadUpTo(txn, ConversationId.direct(contactName), upTo);
                storage().messageTimes().record(txn, ids, MessageState.READ, crypto.context().clock().instant());
                for (MessageId id : ids) {
                    txn.attach(new MessageStateChangedEvent(contactName, id, MessageState.READ));
                }
                return ids;
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot mark messages read", e);
        }
        if (!changed.isEmpty() && readReceipts && !ConversationId.direct(contactName).isGroup()) {
            receipts.read(contactName, changed);
        }
        if (!changed.isEmpty()) {
            // Issue #17: this account's other devices mark them read too (no-op with one device).
            List<MessageId> newest = changed.subList(Math.max(0, changed.size() - Payload.MAX_RECEIPT_IDS), changed.size());
            List<dev.parley.crypto.payload.MessageId> ids = new java.util.ArrayList<>();
            for (MessageId id : newest) {
                ids.add(WireIds.wire(id));
            }
            outbound.toOwnDevices(new Payload.ReadSync(contactName, ids));
        }
        return changed;
    }
}
