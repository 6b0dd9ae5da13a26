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
 * The group message (encrypted once with the sender key) sealed once for all recipients and uploaded once with the
 * relay's {@code send_multi} (docs/protocol.md 1.15.4): a shared body and a small sealed header per recipient, queued
 * under the message's id. The sender keys that must precede it still go pairwise, and are sent first.
 */
public final class MultiRecipientGroupTransport implements GroupTransport {
    private final Outbound outbound;

    public MultiRecipientGroupTransport(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public <T> T send(List<Outbound.Outgoing> before, List<Contact> recipients, Payload.GroupMessage message,
                      MessageId outboxId, List<Outbound.Own> own, TransactionFunction<T, StorageException> alsoCommit)
            throws ServiceException {
        Outbound.Multi multi = recipients.isEmpty() ? null
                : new Outbound.Multi(recipients, message.message().serialize(), outboxId);
        return outbound.storedAll(before, multi, own, alsoCommit);
    }
}
