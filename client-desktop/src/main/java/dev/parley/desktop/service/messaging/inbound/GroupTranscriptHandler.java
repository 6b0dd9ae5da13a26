package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.GroupTranscript;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group transcripts (issue #17, GROUP_TRANSCRIPT 44, docs/protocol.md 1.18): what this account sent a group from another
 * of its devices is applied here as if this device had sent it, in the group's conversation: a text or a file as an
 * outgoing message (once per message id, {@link TranscriptMessages}), a reaction, an edit or a delete as the account's
 * own ({@link TranscriptActions}). Taken only from this account's own devices and only for a group held here that the
 * account is still in; anything else is ignored.
 */
final class GroupTranscriptHandler implements PayloadHandler<GroupTranscript> {
    private static final Logger LOG = LoggerFactory.getLogger(GroupTranscriptHandler.class);

    private final Storage storage;
    private final TranscriptMessages messages;
    private final TranscriptActions actions;

    GroupTranscriptHandler(Storage storage, IncomingChanges changes) {
        this.storage = storage;
        this.messages = new TranscriptMessages(storage, changes);
        this.actions = new TranscriptActions(storage, changes);
    }

    @Override
    public Class<GroupTranscript> type() {
        return GroupTranscript.class;
    }

    @Override
    public Optional<MessageId> storedMessage(GroupTranscript payload) {
        return TranscriptMessages.storedMessage(payload.original());
    }

    @Override
    public void apply(Transaction txn, List<Received<GroupTranscript>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<GroupTranscript> r : received) {
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup()) {
                continue;
            }
            Optional<StoredGroup> group = storage.groups().find(txn, r.payload().group());
            if (group.isEmpty() || !group.get().active()) {
                LOG.info("ignoring a group transcript for a group this device is not in");
                continue;
            }
            ConversationId conversation = storage.conversations().group(txn,
                    ConversationId.group(r.payload().group())).id();
            Payload original = r.payload().original();
            if (original instanceof Payload.Text text) {
                messages.text(txn, conversation, own.get(), text, batch);
            } else if (original instanceof Payload.Attachment file) {
                messages.file(txn, conversation, own.get(), file, batch);
            } else {
                actions.apply(txn, own.get(), conversation, original, batch);
            }
        }
    }
}
