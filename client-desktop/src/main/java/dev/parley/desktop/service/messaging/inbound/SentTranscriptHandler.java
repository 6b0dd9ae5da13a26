package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.service.messaging.AttachmentBodies;
import dev.parley.desktop.storage.AccountInfo;
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
 * Sent transcripts (issue #17, docs/protocol.md 1.18): what this account sent a contact from another of its devices is
 * applied here as if this device had sent it, in the conversation with that contact. A text (with its quote and its
 * timer) or a file becomes an outgoing message in state SENT, once per message id (a file's pointer is kept, so this
 * device can download it); a reaction, edit, delete or timer change applies to the own messages and the conversation
 * ({@link TranscriptActions}). Taken only from this account's own devices (a contact cannot write into our outgoing
 * history: theirs are ignored); a transcript of any other kind is ignored.
 */
final class SentTranscriptHandler implements PayloadHandler<Payload.SentTranscript> {
    private final Storage storage;
    private final IncomingChanges changes;
    private final TranscriptActions actions;

    SentTranscriptHandler(Storage storage, IncomingChanges changes) {
        this.storage = storage;
        this.changes = changes;
        this.actions = new TranscriptActions(storage, changes);
    }

    @Override
    public Class<Payload.SentTranscript> type() {
        return Payload.SentTranscript.class;
    }

    @Override
    public Optional<MessageId> storedMessage(Payload.SentTranscript payload) {
        if (payload.original() instanceof Payload.Text text) {
            return Optional.of(new MessageId(text.id().hex()));
        }
        if (payload.original() instanceof Payload.Attachment attachment) {
            return Optional.of(new MessageId(attachment.id().hex()));
        }
        return Optional.empty();
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.SentTranscript>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        for (Received<Payload.SentTranscript> r : received) {
            String recipient = r.payload().recipient();
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup() || own.get().equals(recipient)) {
                continue;
            }
            Payload original = r.payload().original();
            if (original instanceof Payload.Text text) {
                ConversationId conversation = storage.conversations().direct(txn, recipient).id();
                NewMessage message = outgoing(conversation, own.get(), text.id(), text.sentAtMillis(), text.text());
                if (text.quoted() != null) {
                    message = message.withQuote(quote(txn, new MessageId(text.quoted().hex()), conversation));
                }
                store(txn, message, text.expireSeconds(), null, batch);
            } else if (original instanceof Payload.Attachment file) {
                ConversationId conversation = storage.conversations().direct(txn, recipient).id();
                store(txn, outgoing(conversation, own.get(), file.id(), file.sentAtMillis(), AttachmentBodies.body(file)),
                        0, file, batch);
            } else {
                actions.apply(txn, own.get(), recipient, original, r, batch);
            }
        }
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
