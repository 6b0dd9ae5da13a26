package dev.parley.desktop.service.group;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import java.util.List;

/**
 * How a group message leaves this profile: the pairwise payloads that must precede it (sender keys for members who do
 * not hold this profile's current one), then the one group message for every recipient, queued in one transaction
 * with {@code alsoCommit}. {@link MultiRecipientGroupTransport} uploads the group message once, with a sealed header
 * per recipient (docs/protocol.md 1.15.4).
 */
public interface GroupTransport {
    /**
     * @param own what this account's other devices get instead of the group message (issue #17: its transcript, which
     *            they apply as their own), queued in the same transaction; empty for none
     */
    <T> T send(List<Outbound.Outgoing> before, List<Contact> recipients, Payload.GroupMessage message,
               MessageId outboxId, List<Outbound.Own> own, TransactionFunction<T, StorageException> alsoCommit)
            throws ServiceException;
}
