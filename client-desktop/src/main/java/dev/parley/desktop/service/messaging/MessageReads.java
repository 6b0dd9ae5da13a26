package dev.parley.desktop.service.messaging;

import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessagePage;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.MessageTimes;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import java.util.List;
import java.util.Optional;

/** The messaging service's read-only queries: history pages, search, one message, its info and reactions. */
final class MessageReads {
    private final Storage storage;

    MessageReads(Storage storage) {
        this.storage = storage;
    }

    private Storage storage() {
        return storage;
    }

    private static void checkLimit(int limit) throws InvalidInputException {
        if (limit < 1 || limit > MessageStore.MAX_LIMIT) {
            throw new InvalidInputException("limit must be 1 to " + MessageStore.MAX_LIMIT);
        }
    }

    MessagePage history(String contactName, Optional<MessageCursor> before, int limit) throws ServiceException {
        checkLimit(limit);
        try {
            return storage().transactions().transactionWithResult(true,
                    txn -> storage().messages().page(txn, ConversationId.direct(contactName), before, limit));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history", e);
        }
    }

    List<Message> historyAfter(String contactName, MessageCursor after, int limit) throws ServiceException {
        checkLimit(limit);
        try {
            return storage().transactions().transactionWithResult(true,
                    txn -> storage().messages().pageAfter(txn, ConversationId.direct(contactName), after, limit));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the history", e);
        }
    }

    List<Message> search(String query, Optional<String> contactName, int limit) throws ServiceException {
        checkLimit(limit);
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().messages()
                    .search(txn, query, contactName.map(ConversationId::direct), limit));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot search the history", e);
        }
    }

    Optional<Message> message(MessageId messageId) throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().messages().find(txn, messageId));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the message", e);
        }
    }

    Optional<dev.parley.desktop.service.MessageInfo> info(MessageId messageId) throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> {
                Optional<Message> message = storage().messages().find(txn, messageId);
                if (message.isEmpty()) {
                    return Optional.<dev.parley.desktop.service.MessageInfo>empty();
                }
                return Optional.of(dev.parley.desktop.service.MessageInfo.of(message.get(),
                        storage().messageTimes().find(txn, messageId).orElse(MessageTimes.NONE)));
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the message info", e);
        }
    }

    java.util.Map<MessageId, List<Reaction>> reactions(List<MessageId> messageIds) throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true,
                    txn -> storage().reactions().ofAll(txn, messageIds));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the reactions", e);
        }
    }

    List<Reaction> reactions(MessageId messageId) throws ServiceException {
        try {
            return storage().transactions().transactionWithResult(true, txn -> storage().reactions().of(txn, messageId));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the reactions", e);
        }
    }
}
