package dev.parley.desktop.storage;

import java.util.List;
import java.util.Objects;

/**
 * Delivery receipts owed to one contact for one committed batch of incoming messages, not yet queued in the outbox.
 *
 * @param id         the store's key for this entry
 * @param recipient  the contact the receipt goes to (the messages' sender)
 * @param messageIds the messages it acknowledges, in arrival order
 */
public record PendingReceipts(long id, String recipient, List<MessageId> messageIds) {
    public PendingReceipts {
        Objects.requireNonNull(recipient, "recipient");
        messageIds = List.copyOf(messageIds);
    }
}
