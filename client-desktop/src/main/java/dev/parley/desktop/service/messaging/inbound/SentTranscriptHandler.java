package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.ContactChangedEvent;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Sent transcripts (issue #17, docs/protocol.md 1.18): what this account sent a contact from another of its devices is
 * applied here as if this device had sent it, in the conversation with that contact. A text (with its quote and its
 * timer) or a file becomes an outgoing message in state SENT, once per message id (a file's pointer is kept, so this
 * device can download it); a reaction, edit, delete or timer change applies to the own messages and the conversation
 * ({@link TranscriptActions}); a text or file to someone whose message request is pending here accepts it, as
 * writing to them does on the device that wrote. Taken only from this account's own devices (a contact cannot write into our outgoing
 * history: theirs are ignored); a transcript of any other kind is ignored.
 */
final class SentTranscriptHandler implements PayloadHandler<Payload.SentTranscript> {
    private final Storage storage;
    private final IncomingChanges changes;
    private final TranscriptActions actions;
    private final TranscriptMessages messages;
    private final Runnable contactsChanged;

    SentTranscriptHandler(Storage storage, IncomingChanges changes, Runnable contactsChanged) {
        this.storage = storage;
        this.changes = changes;
        this.actions = new TranscriptActions(storage, changes);
        this.messages = new TranscriptMessages(storage, changes);
        this.contactsChanged = contactsChanged;
    }

    @Override
    public Class<Payload.SentTranscript> type() {
        return Payload.SentTranscript.class;
    }

    @Override
    public Optional<MessageId> storedMessage(Payload.SentTranscript payload) {
        return TranscriptMessages.storedMessage(payload.original());
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
            if (original instanceof Payload.Text || original instanceof Payload.Attachment) {
                acceptRequest(txn, recipient, batch);
            }
            if (original instanceof Payload.Text text) {
                ConversationId conversation = storage.conversations().direct(txn, recipient).id();
                messages.text(txn, conversation, own.get(), text, batch);
            } else if (original instanceof Payload.Attachment file) {
                ConversationId conversation = storage.conversations().direct(txn, recipient).id();
                messages.file(txn, conversation, own.get(), file, batch);
            } else {
                actions.apply(txn, own.get(), recipient, original, r, batch);
            }
        }
    }

    /** Writing to someone who wrote first accepts their message request, on every device of the account. */
    private void acceptRequest(Transaction txn, String recipient, ReceivedBatch batch) throws StorageException {
        Optional<Contact> contact = storage.contacts().find(txn, recipient);
        if (contact.isPresent() && contact.get().identityChange() == IdentityChangeState.REQUEST) {
            storage.contacts().setIdentityChange(txn, recipient, IdentityChangeState.NONE);
            txn.attach(new ContactChangedEvent(storage.contacts().find(txn, recipient).orElseThrow(),
                    ContactChangedEvent.Change.REQUEST_ACCEPTED));
            batch.afterCommit(contactsChanged);
        }
    }
}
