package dev.parley.desktop.service.messaging;

import dev.parley.desktop.event.ConversationMarksChangedEvent;
import dev.parley.desktop.service.ConversationMarksService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationMarks;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ConversationMarksService} over the profile's storage; a contact's conversation is recorded when first marked.
 * Each change posts {@link ConversationMarksChangedEvent} and goes to this account's other devices too (issue #17,
 * CONVERSATION_SYNC with the conversation's marks).
 */
public final class DefaultConversationMarks implements ConversationMarksService {
    private final Storage storage;
    private final dev.parley.desktop.service.OwnDeviceSync ownDevices;

    public DefaultConversationMarks(Storage storage, dev.parley.desktop.service.OwnDeviceSync ownDevices) {
        this.storage = Objects.requireNonNull(storage);
        this.ownDevices = Objects.requireNonNull(ownDevices);
    }

    @Override
    public ConversationMarks mute(String contact, boolean muted) throws ServiceException {
        return mark(contact, (txn, id) -> storage.conversationMarks().setMuted(txn, id, muted));
    }

    @Override
    public ConversationMarks archive(String contact, boolean archived) throws ServiceException {
        return mark(contact, (txn, id) -> storage.conversationMarks().setArchived(txn, id, archived));
    }

    @FunctionalInterface
    private interface Mark {
        void apply(Transaction txn, ConversationId id) throws StorageException;
    }

    private ConversationMarks mark(String contact, Mark mark) throws ServiceException {
        try {
            ConversationMarks now = storage.transactions().transactionWithResult(false, (Transaction txn) -> {
                ConversationId id;
                if (ConversationId.direct(contact).isGroup()) {
                    // a group's conversation (issue #15): marked by its id, if this profile has it
                    if (storage.conversations().find(txn, ConversationId.direct(contact)).isEmpty()) {
                        return null;
                    }
                    id = ConversationId.direct(contact);
                } else if (storage.contacts().find(txn, contact).isEmpty()) {
                    return null;
                } else {
                    id = storage.conversations().direct(txn, contact).id();
                }
                mark.apply(txn, id);
                ConversationMarks marks = storage.conversationMarks().marks(txn, id);
                txn.attach(new ConversationMarksChangedEvent(id.value(), marks.muted(), marks.archived()));
                return marks;
            });
            if (now == null) {
                throw new UnknownContactException("no such contact");
            }
            ConversationId id = ConversationId.direct(contact);
            ownDevices.send(id.isGroup()
                    ? new dev.parley.crypto.payload.Payload.ConversationSync(null, dev.parley.crypto.group.GroupId
                            .fromHex(id.value().substring(ConversationId.GROUP_PREFIX.length())), now.muted(), now.archived())
                    : new dev.parley.crypto.payload.Payload.ConversationSync(contact, null, now.muted(), now.archived()));
            return now;
        } catch (StorageException e) {
            throw new StorageFailureException("cannot mark the conversation", e);
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such contact");
        }
    }

    @Override
    public ConversationMarks marks(String contact) throws ServiceException {
        try {
            return storage.transactions().transactionWithResult(true,
                    (Transaction txn) -> storage.conversationMarks().marks(txn, ConversationId.direct(contact)));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the conversation's marks", e);
        } catch (IllegalArgumentException e) {
            throw new UnknownContactException("no such contact");
        }
    }

    @Override
    public Map<String, ConversationMarks> marked() throws ServiceException {
        try {
            Map<ConversationId, ConversationMarks> marked = storage.transactions().transactionWithResult(true,
                    (Transaction txn) -> storage.conversationMarks().marked(txn));
            Map<String, ConversationMarks> out = new LinkedHashMap<>();
            marked.forEach((id, m) -> out.put(id.value(), m));
            return out;
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the conversations' marks", e);
        }
    }
}
