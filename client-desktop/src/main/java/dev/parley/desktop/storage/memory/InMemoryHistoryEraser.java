package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.HistoryEraser;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/**
 * Erases a conversation across the in-memory stores at once (search there reads the messages, so no tokens to delete;
 * there is no file whose transaction could grow), so nothing is ever left for {@link #eraseSome}.
 */
final class InMemoryHistoryEraser implements HistoryEraser {
    private final InMemoryTransactionManager manager;
    private final InMemoryMessageStore messages;
    private final InMemoryReactionStore reactions;
    private final InMemoryConversationStore conversations;
    private final InMemoryMessageChangeStore changes;
    private final InMemoryAttachmentStore attachments;
    private final InMemoryConversationMarkStore marks;

    InMemoryHistoryEraser(InMemoryTransactionManager manager, InMemoryMessageStore messages,
                          InMemoryReactionStore reactions, InMemoryConversationStore conversations,
                          InMemoryMessageChangeStore changes, InMemoryAttachmentStore attachments,
                          InMemoryConversationMarkStore marks) {
        this.marks = marks;
        this.manager = manager;
        this.messages = messages;
        this.reactions = reactions;
        this.conversations = conversations;
        this.changes = changes;
        this.attachments = attachments;
    }

    @Override
    public int erase(Transaction txn, ConversationId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        List<MessageId> removed = messages.removeConversation(id);
        reactions.removeAll(removed);
        changes.forgetVersions(removed);
        attachments.removeAll(removed);
        conversations.forget(id);
        marks.forget(id);
        return removed.size();
    }

    @Override
    public boolean anyPending(Transaction txn) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        return false;
    }

    @Override
    public Progress eraseSome(Transaction txn, int limit) throws StorageException {
        InMemoryTransaction.check(txn, manager, true);
        return Progress.NOTHING_PENDING;
    }
}
