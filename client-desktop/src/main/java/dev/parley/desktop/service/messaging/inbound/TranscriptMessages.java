package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.service.messaging.AttachmentBodies;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Quote;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The texts and files of sent transcripts (issue #17, docs/protocol.md 1.18), direct ({@link SentTranscriptHandler})
 * or in a group ({@link GroupTranscriptHandler}): stored once per message id as an outgoing message of the
 * conversation in state SENT, a reply with its quote from this device's history, a text's timer from its sentAt, a
 * file's pointer kept as AVAILABLE (this device downloads it like a received file); the actions that arrived before
 * the message apply then.
 */
final class TranscriptMessages {

    /** The message a transcript's original payload stores (a text or a file), so the pipeline can tell it was stored. */
    static Optional<MessageId> storedMessage(Payload original) {
        if (original instanceof Payload.Text text) {
            return Optional.of(new MessageId(text.id().hex()));
        }
        if (original instanceof Payload.Attachment attachment) {
            return Optional.of(new MessageId(attachment.id().hex()));
        }
        return Optional.empty();
    }
    private final Storage storage;
    private final IncomingChanges changes;

    TranscriptMessages(Storage storage, IncomingChanges changes) {
        this.storage = storage;
        this.changes = changes;
    }

    void text(Transaction txn, ConversationId conversation, String own, Payload.Text text, ReceivedBatch batch)
            throws StorageException {
        NewMessage message = outgoing(conversation, own, text.id(), text.sentAtMillis(), text.text());
        if (text.quoted() != null) {
            message = message.withQuote(quote(txn, new MessageId(text.quoted().hex()), conversation));
        }
        store(txn, message, text.expireSeconds(), null, batch);
    }

    void file(Transaction txn, ConversationId conversation, String own, Payload.Attachment file, ReceivedBatch batch)
            throws StorageException {
        store(txn, outgoing(conversation, own, file.id(), file.sentAtMillis(), AttachmentBodies.body(file)), 0, file,
                batch);
    }

    private static NewMessage outgoing(ConversationId conversation, String own, dev.parley.crypto.payload.MessageId id,
                                       long sentAtMillis, String text) {
        String body = text.length() > NewMessage.MAX_BODY_CHARS ? text.substring(0, NewMessage.MAX_BODY_CHARS) : text;
        return new NewMessage(new MessageId(id.hex()), conversation, Direction.OUTGOING, own,
                Instant.ofEpochMilli(sentAtMillis), null, body, MessageState.SENT);
    }

    /** Stores the message once; a file's pointer with it; its timer; the actions that arrived before it. */
    private void store(Transaction txn, NewMessage message, long timerSeconds, Payload.Attachment file,
                       ReceivedBatch batch) throws StorageException {
        List<Message> stored = storage.messages().insertAllIfAbsent(txn, List.of(message));
        if (stored.isEmpty()) {
            return;
        }
        if (file != null) {
            storage.attachments().insertIfAbsent(txn, new Attachment(message.messageId(), file.pointer(),
                    AttachmentState.AVAILABLE));
        }
        Message sent = stored.get(0);
        Optional<DisappearingTimer> timer = DisappearingTimer.ofSeconds(timerSeconds);
        if (timerSeconds > 0 && timer.isPresent()) {
            storage.disappearing().expireAt(txn, sent.messageId(), sent.sentAt().plus(timer.get().duration()));
        }
        txn.attach(new MessageReceivedEvent(sent));
        changes.arrived(txn, stored, batch.now());
    }

    /** The quote of a reply: the original's author and snippet if it is in the same conversation, else "not found". */
    private Quote quote(Transaction txn, MessageId quoted, ConversationId conversation) throws StorageException {
        Optional<Message> original = storage.messages().find(txn, quoted);
        return original.isPresent() && original.get().conversationId().equals(conversation)
                ? Quote.of(original.get()) : Quote.notFound(quoted);
    }
}
