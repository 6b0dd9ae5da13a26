package dev.parley.desktop.service.messaging.inbound;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.ConversationMarks;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Signal's rule for archived conversations: a new incoming message brings the conversation back to the list. A
 * conversation that is also muted stays archived (the user asked to hear nothing from it). Applied in the batch
 * transaction that stores the messages, so the list reloads the new marks with the message.
 */
final class ArchivedConversations {
    private final Storage storage;

    ArchivedConversations(Storage storage) {
        this.storage = storage;
    }

    /** Unarchives the conversations of these newly stored incoming messages, unless muted. */
    void received(Transaction txn, Collection<Message> stored) throws StorageException {
        Set<ConversationId> conversations = new LinkedHashSet<>();
        for (Message message : stored) {
            conversations.add(message.conversationId());
        }
        for (ConversationId conversation : conversations) {
            ConversationMarks marks = storage.conversationMarks().marks(txn, conversation);
            if (marks.archived() && !marks.muted()) {
                storage.conversationMarks().setArchived(txn, conversation, false);
            }
        }
    }
}
