package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.service.messaging.Receipts;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Quote;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Text messages: inserted into the direct conversation with the sender, or a group text into its group's conversation
 * (its delivery receipt, too, goes pairwise to its author), (insert-if-absent by message id, in one
 * statement batch), with the delivery receipts they owe recorded in the same transaction; edits and deletes that arrived
 * before their message are applied to it then ({@link IncomingChanges}).
 */
final class TextHandler implements PayloadHandler<Payload.Text> {
    private final Storage storage;
    private final Receipts receipts;
    private final IncomingChanges changes;
    private final ArchivedConversations archived;

    TextHandler(Storage storage, Receipts receipts, IncomingChanges changes) {
        this.storage = storage;
        this.receipts = receipts;
        this.changes = changes;
        this.archived = new ArchivedConversations(storage);
    }

    @Override
    public Class<Payload.Text> type() {
        return Payload.Text.class;
    }

    @Override
    public FromStranger fromStranger() {
        return FromStranger.OPENS_REQUEST;
    }

    @Override
    public Optional<MessageId> storedMessage(Payload.Text payload) {
        return Optional.of(idOf(payload));
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Text>> received, ReceivedBatch batch) throws StorageException {
        Map<String, ConversationId> conversations = new HashMap<>();
        List<NewMessage> texts = new ArrayList<>(received.size());
        Map<MessageId, NewMessage> earlier = new HashMap<>();
        for (Received<Payload.Text> r : received) {
            ConversationId conversation = r.inGroup() ? r.group() : conversations.get(r.sender());
            if (conversation == null) {
                conversation = storage.conversations().direct(txn, r.sender()).id();
                conversations.put(r.sender(), conversation);
            }
            NewMessage text = incoming(conversation, r.sender(), r.payload(), batch.now());
            if (r.payload().quoted() != null) {
                text = text.withQuote(quote(txn, new MessageId(r.payload().quoted().hex()), conversation, earlier));
            }
            texts.add(text);
            earlier.putIfAbsent(text.messageId(), text);
        }
        Set<MessageId> fresh = new HashSet<>();
        List<Message> stored = storage.messages().insertAllIfAbsent(txn, texts);
        for (Message message : stored) {
            fresh.add(message.messageId());
            txn.attach(new MessageReceivedEvent(message));
        }
        changes.arrived(txn, stored, batch.now());
        archived.received(txn, stored);
        stampExpiries(txn, received, fresh, batch.now());
        Map<String, List<MessageId>> owed = new LinkedHashMap<>();
        int owedCount = 0;
        for (Received<Payload.Text> r : received) {
            MessageId id = idOf(r.payload());
            // The first envelope carrying a new id stored it; any later one (in this batch or before) repeats it.
            if (fresh.remove(id)) {
                owed.computeIfAbsent(r.sender(), s -> new ArrayList<>()).add(id);      // to its author, group or not
                owedCount++;
            } else {
                batch.outcome(r.index(), Outcome.DUPLICATE);
            }
        }
        for (Map.Entry<String, List<MessageId>> receipt : owed.entrySet()) {
            storage.pendingReceipts().add(txn, receipt.getKey(), receipt.getValue());
        }
        int count = owedCount;
        batch.afterCommit(() -> receipts.owed(count));
    }

    /**
     * A text carries its sender's disappearing-messages timer: a newly stored one disappears that long after it was
     * received here. A value that is not one of the allowed timers is ignored (the message stays).
     */
    private void stampExpiries(Transaction txn, List<Received<Payload.Text>> received, Set<MessageId> fresh, Instant now)
            throws StorageException {
        for (Received<Payload.Text> r : received) {
            long seconds = r.payload().expireSeconds();
            if (seconds == 0 || !fresh.contains(idOf(r.payload()))) {
                continue;
            }
            Optional<DisappearingTimer> timer = DisappearingTimer.ofSeconds(seconds);
            if (timer.isPresent()) {
                storage.disappearing().expireAt(txn, idOf(r.payload()), now.plus(timer.get().duration()));
            }
        }
    }

    /**
     * The quote of a reply: the original's author and snippet if it is in the same conversation (stored before, or
     * earlier in this batch), else "not found".
     */
    private Quote quote(Transaction txn, MessageId quoted, ConversationId conversation, Map<MessageId, NewMessage> batch)
            throws StorageException {
        NewMessage inBatch = batch.get(quoted);
        if (inBatch != null) {
            return inBatch.conversationId().equals(conversation)
                    ? Quote.of(new Message(new dev.parley.desktop.storage.MessageCursor(0), inBatch.messageId(),
                            inBatch.conversationId(), inBatch.direction(), inBatch.sender(), inBatch.sentAt(),
                            inBatch.receivedAt(), inBatch.body(), inBatch.state(), null))
                    : Quote.notFound(quoted);
        }
        Optional<Message> original = storage.messages().find(txn, quoted);
        return original.isPresent() && original.get().conversationId().equals(conversation)
                ? Quote.of(original.get()) : Quote.notFound(quoted);
    }

    private static MessageId idOf(Payload.Text text) {
        return new MessageId(text.id().hex());
    }

    private static NewMessage incoming(ConversationId conversation, String sender, Payload.Text text, Instant now) {
        String body = text.text().length() > NewMessage.MAX_BODY_CHARS
                ? text.text().substring(0, NewMessage.MAX_BODY_CHARS) : text.text();
        return NewMessage.incoming(idOf(text), conversation, sender,
                Instant.ofEpochMilli(text.sentAtMillis()), now, body);
    }
}
