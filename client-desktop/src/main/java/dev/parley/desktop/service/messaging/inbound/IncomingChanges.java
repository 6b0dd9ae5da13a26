package dev.parley.desktop.service.messaging.inbound;

import dev.parley.desktop.event.MessageChangedEvent;
import dev.parley.desktop.event.MessageChangedEvent.Change;
import dev.parley.desktop.service.MessageActionsService;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.PendingAction;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's rules for edits and deletes, shared by their handlers and by the text handler (which applies the
 * actions that arrived before their message). An action applies only to a message its sender wrote, within
 * {@link MessageActionsService#RECEIVER_WINDOW} of the original (both times on the sender's clock), to a message that
 * is not deleted, and an edit only while the message has been edited fewer than {@code Message.MAX_EDITS} times.
 * Anything else is ignored, never thrown about. An action for a message not (yet) here is kept for the same window of
 * this device's time and applied if the message arrives. The same rules apply to this account's own messages when the
 * action comes in a sent transcript from another of its devices (issue #17).
 */
final class IncomingChanges {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingChanges.class);

    private final Storage storage;

    IncomingChanges(Storage storage) {
        this.storage = storage;
    }

    /** Applies an edit or delete now, or keeps it until its message arrives. */
    void receive(Transaction txn, PendingAction action) throws StorageException {
        Optional<Message> target = storage.messages().find(txn, action.target());
        if (target.isEmpty()) {
            storage.changes().keepPending(txn, action);
            return;
        }
        apply(txn, target.get(), action);
    }

    /** Applies the actions that were waiting for these newly stored messages; drops the ones too old to wait. */
    void arrived(Transaction txn, List<Message> stored, Instant now) throws StorageException {
        if (stored.isEmpty() || !storage.changes().hasPending(txn)) {
            return;
        }
        storage.changes().dropPendingReceivedBefore(txn, now.minus(MessageActionsService.RECEIVER_WINDOW));
        for (Message message : stored) {
            for (PendingAction action : storage.changes().takePending(txn, message.messageId())) {
                Message current = storage.messages().find(txn, message.messageId()).orElse(null);
                if (current != null) {
                    apply(txn, current, action);
                }
            }
        }
    }

    private void apply(Transaction txn, Message target, PendingAction action) throws StorageException {
        // The author's own message: an incoming one from its sender, or (issue #17) an outgoing one of this account,
        // whose actions come only in transcripts from its own devices (any other payload from them is dropped before
        // any handler, and no contact has this account's username).
        if (!target.sender().equals(action.author()) || target.isSystem()) {
            LOG.info("ignoring an {} of a message its sender did not write", action.kind());
            return;
        }
        Duration age = Duration.between(target.sentAt(), action.actionAt());
        if (age.isNegative() || age.compareTo(MessageActionsService.RECEIVER_WINDOW) > 0) {
            LOG.info("ignoring an {} outside the time window", action.kind());
            return;
        }
        if (target.deleted()) {
            LOG.info("ignoring an {} of a deleted message", action.kind());
            return;
        }
        String conversation = target.conversationId().value();
        if (action.kind() == PendingAction.Kind.DELETE) {
            storage.changes().markDeleted(txn, target.messageId());
            ListenNotes.changed(storage, txn, target);
            txn.attach(new MessageChangedEvent(conversation, target.messageId(), Change.DELETED));
        } else if (target.editCount() >= Message.MAX_EDITS) {
            LOG.info("ignoring an edit beyond the limit of {}", Message.MAX_EDITS);
        } else {
            String body = action.body().length() > NewMessage.MAX_BODY_CHARS
                    ? action.body().substring(0, NewMessage.MAX_BODY_CHARS) : action.body();
            storage.changes().edit(txn, target.messageId(), body, action.actionAt());
            ListenNotes.changed(storage, txn, target);
            txn.attach(new MessageChangedEvent(conversation, target.messageId(), Change.EDITED));
        }
    }
}
