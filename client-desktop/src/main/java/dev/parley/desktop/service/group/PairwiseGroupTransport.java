package dev.parley.desktop.service.group;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.messaging.Outbound;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The group message (encrypted once with the sender key) wrapped in one pairwise, sealed envelope per recipient, all
 * queued under the message's id: until the relay's multi-recipient send is used, the body is uploaded once per
 * recipient.
 */
public final class PairwiseGroupTransport implements GroupTransport {
    private final Outbound outbound;

    public PairwiseGroupTransport(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public <T> T send(List<Outbound.Outgoing> before, List<Contact> recipients, Payload.GroupMessage message,
                      MessageId outboxId, TransactionFunction<T, StorageException> alsoCommit) throws ServiceException {
        List<Outbound.Outgoing> all = new ArrayList<>(before);
        for (Contact recipient : recipients) {
            all.add(new Outbound.Outgoing(recipient, message, outboxId));
        }
        return outbound.storedAll(all, alsoCommit);
    }
}
