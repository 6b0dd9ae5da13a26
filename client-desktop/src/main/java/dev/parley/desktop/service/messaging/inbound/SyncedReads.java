package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.MessageId;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a read sync from one of this account's own devices does to a conversation (READ_SYNC and GROUP_READ_SYNC,
 * docs/protocol.md 1.18): its incoming messages are marked read up to the newest of {@code ids} that this device has in
 * that conversation, with no read receipt (the device that read them sent it).
 */
final class SyncedReads {
    private static final int PAGE = dev.parley.desktop.storage.MessageStore.MAX_LIMIT;
    private SyncedReads() {
    }

    /** @param eventKey what the state-change events name the conversation by (the peer, or the group conversation) */
    static void markRead(Storage storage, Transaction txn, ConversationId conversation, List<MessageId> ids,
                         String eventKey, Instant now) throws StorageException {
        MessageCursor upTo = null;
        for (MessageId id : ids) {
            Optional<Message> message = storage.messages().find(txn, new dev.parley.desktop.storage.MessageId(id.hex()));
            if (message.isPresent() && message.get().conversationId().equals(conversation)
                    && message.get().direction() == Direction.INCOMING
                    && (upTo == null || message.get().cursor().sequence() > upTo.sequence())) {
                upTo = message.get().cursor();
            }
        }
        if (upTo == null) {
            return;
        }
        List<dev.parley.desktop.storage.MessageId> read;
        do {     // a page at a time, in the batch's transaction
            read = storage.messages().markReadUpTo(txn, conversation, upTo, PAGE);
            storage.messageTimes().record(txn, read, MessageState.READ, now);
            for (dev.parley.desktop.storage.MessageId id : read) {
                txn.attach(new MessageStateChangedEvent(eventKey, id, MessageState.READ));
            }
        } while (read.size() == PAGE);
    }
}
