package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.event.ReactionsChangedEvent;
import dev.parley.desktop.service.messaging.Emoji;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.PendingAction;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions in sent transcripts (issue #17, docs/protocol.md 1.18), applied as this device would have applied them
 * had the user taken them here: the own reaction on a message of the conversation with the transcript's recipient;
 * an edit or delete for everyone of an own message, under the receiver's rules of {@link IncomingChanges} (kept until
 * the message's own transcript arrives); the conversation's disappearing-messages timer with the line "You set ...".
 * Transcripts of other kinds are ignored. The same for group transcripts, in the group's conversation (no timer: a
 * group's timer is a group change).
 */
final class TranscriptActions {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptActions.class);

    private final Storage storage;
    private final IncomingChanges changes;

    TranscriptActions(Storage storage, IncomingChanges changes) {
        this.storage = storage;
        this.changes = changes;
    }

    void apply(Transaction txn, String own, String recipient, Payload original, Received<?> r, ReceivedBatch batch)
            throws StorageException {
        if (original instanceof Payload.TimerUpdate update) {
            timer(txn, own, recipient, update, r);
        } else {
            apply(txn, own, ConversationId.direct(recipient), original, batch);
        }
    }

    /**
     * A reaction, an edit or a delete of a transcript, in {@code conversation} (direct, or a group's: issue #17); any
     * other kind is ignored.
     */
    void apply(Transaction txn, String own, ConversationId conversation, Payload original, ReceivedBatch batch)
            throws StorageException {
        if (original instanceof Payload.Reaction reaction) {
            react(txn, own, conversation, reaction, batch.now());
        } else if (original instanceof Payload.Edit edit) {
            String text = edit.text().length() > NewMessage.MAX_BODY_CHARS
                    ? edit.text().substring(0, NewMessage.MAX_BODY_CHARS) : edit.text();
            changes.receive(txn, new PendingAction(new MessageId(edit.target().hex()), own, PendingAction.Kind.EDIT,
                    text, Instant.ofEpochMilli(edit.editedAtMillis()), batch.now()));
        } else if (original instanceof Payload.Delete delete) {
            changes.receive(txn, new PendingAction(new MessageId(delete.target().hex()), own,
                    PendingAction.Kind.DELETE, null, Instant.ofEpochMilli(delete.deletedAtMillis()), batch.now()));
        } else {
            LOG.debug("ignoring a transcript of a kind that is not synced");
        }
    }

    private void react(Transaction txn, String own, ConversationId conversation, Payload.Reaction reaction,
                       Instant now) throws StorageException {
        MessageId target = new MessageId(reaction.target().hex());
        Optional<Message> message = storage.messages().find(txn, target);
        if (!Emoji.isEmoji(reaction.emoji()) || message.isEmpty()
                || !message.get().conversationId().equals(conversation)) {
            LOG.info("ignoring a reaction transcript for a message of another conversation, or not an emoji");
            return;
        }
        if (reaction.remove()) {
            storage.reactions().remove(txn, target, own);
        } else {
            storage.reactions().put(txn, new Reaction(target, own, reaction.emoji(), now));
        }
        txn.attach(new ReactionsChangedEvent(message.get().conversationId().value(), target));
    }

    private void timer(Transaction txn, String own, String recipient, Payload.TimerUpdate update, Received<?> r)
            throws StorageException {
        Optional<DisappearingTimer> timer = DisappearingTimer.ofSeconds(update.seconds());
        if (timer.isEmpty()) {
            LOG.info("ignoring a disappearing-messages timer that is not one of the allowed values");
            return;
        }
        ConversationId conversation = storage.conversations().direct(txn, recipient).id();
        if (storage.disappearing().timer(txn, conversation) == timer.get()) {
            return;
        }
        storage.disappearing().setTimer(txn, conversation, timer.get());
        MessageId lineId = new MessageId("sys-" + HexFormat.of().formatHex(r.digest().bytes(), 0, 16));
        NewMessage line = new NewMessage(lineId, conversation, Direction.OUTGOING, own,
                Instant.ofEpochMilli(update.setAtMillis()), null, timer.get().ownSystemLine(), MessageState.SENT)
                .asSystem();
        for (Message stored : storage.messages().insertAllIfAbsent(txn, List.of(line))) {
            txn.attach(new MessageReceivedEvent(stored));
        }
    }
}
