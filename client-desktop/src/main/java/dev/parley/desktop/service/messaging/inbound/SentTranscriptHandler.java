package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.AccountInfo;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sent transcripts (issue #17, docs/protocol.md 1.18): a text this account sent from another of its devices is stored
 * here as an outgoing message of the conversation with its recipient, in state SENT, once per message id. Taken only
 * from this account's own devices (a contact cannot write into our outgoing history: theirs are ignored), and only
 * for texts; other kinds of transcript are ignored.
 */
final class SentTranscriptHandler implements PayloadHandler<Payload.SentTranscript> {
    private final Storage storage;

    SentTranscriptHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.SentTranscript> type() {
        return Payload.SentTranscript.class;
    }

    @Override
    public Optional<MessageId> storedMessage(Payload.SentTranscript payload) {
        return payload.original() instanceof Payload.Text text ? Optional.of(new MessageId(text.id().hex()))
                : Optional.empty();
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.SentTranscript>> received, ReceivedBatch batch)
            throws StorageException {
        Optional<String> own = storage.account().get(txn).map(AccountInfo::username);
        List<NewMessage> texts = new ArrayList<>();
        List<Long> timers = new ArrayList<>();
        for (Received<Payload.SentTranscript> r : received) {
            if (own.isEmpty() || !own.get().equals(r.sender()) || r.inGroup()
                    || !(r.payload().original() instanceof Payload.Text text)
                    || own.get().equals(r.payload().recipient())) {
                continue;
            }
            ConversationId conversation = storage.conversations().direct(txn, r.payload().recipient()).id();
            String body = text.text().length() > NewMessage.MAX_BODY_CHARS
                    ? text.text().substring(0, NewMessage.MAX_BODY_CHARS) : text.text();
            texts.add(new NewMessage(new MessageId(text.id().hex()), conversation, Direction.OUTGOING, own.get(),
                    Instant.ofEpochMilli(text.sentAtMillis()), null, body, MessageState.SENT));
            timers.add(text.expireSeconds());
        }
        List<Message> stored = storage.messages().insertAllIfAbsent(txn, texts);
        for (Message message : stored) {
            txn.attach(new MessageReceivedEvent(message));
            int i = indexOf(texts, message.messageId());
            Optional<DisappearingTimer> timer = DisappearingTimer.ofSeconds(timers.get(i));
            if (timers.get(i) > 0 && timer.isPresent()) {
                storage.disappearing().expireAt(txn, message.messageId(), message.sentAt().plus(timer.get().duration()));
            }
        }
    }

    private static int indexOf(List<NewMessage> texts, MessageId id) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).messageId().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("a stored transcript that was not in the batch");
    }
}
