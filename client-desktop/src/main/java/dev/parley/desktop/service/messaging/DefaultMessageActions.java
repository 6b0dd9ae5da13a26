package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.MessageChangedEvent;
import dev.parley.desktop.event.MessagesRemovedEvent;
import dev.parley.desktop.event.MessageChangedEvent.Change;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.MessageActionsService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Conversation;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Quote;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageVersion;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The user's edits and deletions: checked here, stored and sent through {@link Outbound} in one transaction. */
final class DefaultMessageActions implements MessageActionsService {
    /**
     * Expired messages removed per transaction by the sweep. Larger is not cheaper: with 2,000 the commit re-read the
     * pages of its undo log, evicted from H2's cache meanwhile, and the sweeper's CPU rose by 45% (docs/benchmarks.md);
     * measured again with the 128 MiB cache (section sweep11, one run) it still allocated a third more per message and
     * collected far more often. Nor is smaller: every commit writes the pages changed since the last one (WRITE_DELAY=0),
     * and 125 allocated 10% more per message; 250 was within the noise of 500.
     */
    static final int SWEEP_BATCH = 500;

    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Recipients recipients;
    private final Outbound outbound;
    private final Disappearing disappearing;

    DefaultMessageActions(ProfileCrypto crypto, Supplier<String> ownUsername, Recipients recipients, Outbound outbound,
                          Disappearing disappearing,
                          Supplier<dev.parley.desktop.service.group.DefaultGroupService> groups) {
        this.groups = groups;
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.recipients = recipients;
        this.outbound = outbound;
        this.disappearing = disappearing;
    }

    @Override
    public void deleteForMe(MessageId messageId) throws ServiceException {
        try {
            boolean removed = storage().transactions().transactionWithResult(false, txn -> {
                Optional<Message> message = storage().messages().find(txn, messageId);
                if (message.isEmpty()) {
                    return false;
                }
                storage().changes().remove(txn, List.of(messageId));
                txn.attach(new MessageChangedEvent(message.get().conversationId().value(), messageId, Change.REMOVED));
                return true;
            });
            if (!removed) {
                throw new InvalidInputException("no such message");
            }
        } catch (StorageException e) {
            throw new StorageFailureException("cannot delete the message", e);
        }
    }

    @Override
    public void deleteForEveryone(MessageId messageId) throws ServiceException {
        Own own = ownRecentMessage(messageId, "deleted for everyone");
        Instant now = now();
        send(own, new Payload.Delete(WireIds.wire(messageId), now.toEpochMilli()), txn -> {
                    if (storage().changes().markDeleted(txn, messageId)) {
                        txn.attach(new MessageChangedEvent(own.message().conversationId().value(), messageId,
                                Change.DELETED));
                    }
                    return null;
                });
    }

    @Override
    public Message edit(MessageId messageId, String text) throws ServiceException {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty message");
        }
        if (text.length() > NewMessage.MAX_BODY_CHARS
                || text.getBytes(StandardCharsets.UTF_8).length > Payload.MAX_TEXT_BYTES) {
            throw new InvalidInputException("message longer than " + Payload.MAX_TEXT_BYTES + " bytes");
        }
        Own own = ownRecentMessage(messageId, "edited");
        if (own.message().editCount() >= Message.MAX_EDITS) {
            throw new InvalidInputException("a message can be edited at most " + Message.MAX_EDITS + " times");
        }
        if (own.message().body().equals(text)) {
            throw new InvalidInputException("the text did not change");
        }
        Instant now = now();
        return send(own, new Payload.Edit(WireIds.wire(messageId), now.toEpochMilli(), text), txn -> {
                    if (storage().changes().edit(txn, messageId, text, now)) {
                        txn.attach(new MessageChangedEvent(own.message().conversationId().value(), messageId,
                                Change.EDITED));
                    }
                    return storage().messages().find(txn, messageId).orElseThrow();
                });
    }

    @Override
    public List<MessageVersion> editHistory(MessageId messageId) throws ServiceException {
        List<MessageVersion> versions;
        try {
            versions = storage().transactions().transactionWithResult(true,
                    txn -> storage().changes().versions(txn, messageId));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the message", e);
        }
        if (versions.isEmpty()) {
            throw new InvalidInputException("no such message");
        }
        return versions;
    }

    @Override
    public Message reply(MessageId to, String text) throws ServiceException {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty message");
        }
        if (text.length() > NewMessage.MAX_BODY_CHARS
                || text.getBytes(StandardCharsets.UTF_8).length > Payload.MAX_TEXT_BYTES) {
            throw new InvalidInputException("message longer than " + Payload.MAX_TEXT_BYTES + " bytes");
        }
        Message original;
        Conversation conversation;
        try {
            original = storage().transactions().transactionWithResult(true,
                    txn -> storage().messages().find(txn, to)).orElseThrow(() -> new InvalidInputException("no such message"));
            conversation = storage().transactions().transactionWithResult(true,
                    txn -> storage().conversations().find(txn, original.conversationId()))
                    .orElseThrow(() -> new InvalidInputException("no such conversation"));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the message", e);
        }
        dev.parley.crypto.payload.MessageId id = dev.parley.crypto.payload.MessageId.random(crypto.context().random());
        Instant now = now();
        MessageId storedId = new MessageId(id.hex());
        DisappearingTimer timer = disappearing.timerOf(original.conversationId());
        Payload.Text payload = new Payload.Text(id, now.toEpochMilli(), text, WireIds.wire(to), timer.seconds());
        if (conversation.id().isGroup()) {
            // a reply in a group goes to the group, encrypted once with the sender key (issue #15)
            return groups.get().sendTo(conversation.id(), payload, storedId, txn -> {
                storage().messages().insertAllIfAbsent(txn, List.of(NewMessage.outgoing(storedId,
                        original.conversationId(), ownUsername.get(), now, text).withQuote(Quote.of(original))));
                disappearing.stamp(txn, storedId, now, timer);
                return storage().messages().find(txn, storedId).orElseThrow();
            });
        }
        String peer = conversation.directPeer()
                .orElseThrow(() -> new InvalidInputException("replies go to direct conversations only"));
        Contact contact = recipients.sendable(peer);
        Message sent = outbound.stored(contact, payload, storedId, txn -> {
            NewMessage message = NewMessage.outgoing(storedId, original.conversationId(), ownUsername.get(), now, text)
                    .withQuote(Quote.of(original));
            storage().messages().insertAllIfAbsent(txn, List.of(message));
            disappearing.stamp(txn, storedId, now, timer);
            if (contact.identityChange() == IdentityChangeState.REQUEST) {
                // Writing to someone who wrote first accepts their message request (as a plain send does).
                storage().contacts().setIdentityChange(txn, peer, IdentityChangeState.NONE);
            }
            return storage().messages().find(txn, storedId).orElseThrow();
        });
        if (contact.identityChange() == IdentityChangeState.REQUEST) {
            crypto.state().invalidateContact(peer);
        }
        return sent;
    }

    @Override
    public void setDisappearing(String contactName, DisappearingTimer timer) throws ServiceException {
        Objects.requireNonNull(timer, "timer");
        Contact contact = recipients.sendable(contactName);
        Instant now = now();
        MessageId lineId = new MessageId("sys-" + outbound.newOutboxId().value());
        String own = ownUsername.get();
        outbound.stored(contact, new Payload.TimerUpdate(timer.seconds(), now.toEpochMilli()), outbound.newOutboxId(),
                txn -> {
                    ConversationId conversation = storage().conversations().direct(txn, contactName).id();
                    storage().disappearing().setTimer(txn, conversation, timer);
                    NewMessage line = new NewMessage(lineId, conversation, Direction.OUTGOING, own, now, null,
                            timer.ownSystemLine(), MessageState.SENT).asSystem();
                    storage().messages().insertAllIfAbsent(txn, List.of(line));
                    return null;
                });
    }

    @Override
    public DisappearingTimer disappearing(String contactName) throws ServiceException {
        recipients.find(contactName);
        return disappearing.timerOf(ConversationId.direct(contactName));
    }

    @Override
    public int sweepExpired() throws ServiceException {
        int removed = 0;
        try {
            while (true) {
                Instant now = now();
                int batch = storage().transactions().transactionWithResult(false, txn -> {
                    int gone = 0;
                    for (var expired : storage().changes().removeExpired(txn, now, SWEEP_BATCH).entrySet()) {
                        txn.attach(new MessagesRemovedEvent(expired.getKey().value(), expired.getValue()));
                        gone += expired.getValue().size();
                    }
                    return gone;
                });
                removed += batch;
                if (batch < SWEEP_BATCH) {
                    return removed;
                }
            }
        } catch (StorageException e) {
            throw new StorageFailureException("cannot remove expired messages", e);
        }
    }

    /** One of this user's own messages, not deleted, sent within the author's window, with the contact it went to. */
    /** An own message and where actions on it go: its direct peer, or (peer null) its group's conversation. */
    private final Supplier<dev.parley.desktop.service.group.DefaultGroupService> groups;

    private record Own(Message message, Contact peer, Conversation group) {
    }

    /** Sends an action on an own message to where the message went: its peer, or its group (issue #15). */
    private <T> T send(Own own, Payload payload, TransactionFunction<T, StorageException> alsoCommit)
            throws ServiceException {
        if (own.group() != null) {
            return groups.get().sendTo(own.group().id(), payload, outbound.newOutboxId(), alsoCommit);
        }
        return outbound.stored(own.peer(), payload, outbound.newOutboxId(), alsoCommit);
    }

    private Own ownRecentMessage(MessageId messageId, String action) throws ServiceException {
        Message message;
        Conversation conversation;
        try {
            message = storage().transactions().transactionWithResult(true,
                    txn -> storage().messages().find(txn, messageId)).orElseThrow(() -> new InvalidInputException("no such message"));
            conversation = storage().transactions().transactionWithResult(true,
                    txn -> storage().conversations().find(txn, message.conversationId()))
                    .orElseThrow(() -> new InvalidInputException("no such conversation"));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the message", e);
        }
        if (message.direction() != Direction.OUTGOING || !message.sender().equals(ownUsername.get())) {
            throw new InvalidInputException("only your own messages can be " + action);
        }
        if (message.deleted()) {
            throw new InvalidInputException("the message was deleted");
        }
        if (Duration.between(message.sentAt(), now()).compareTo(AUTHOR_WINDOW) > 0) {
            throw new InvalidInputException("a message can be " + action + " only within 24 hours of sending it");
        }
        if (conversation.kind() == dev.parley.desktop.storage.ConversationKind.GROUP) {
            return new Own(message, null, conversation);
        }
        String peer = conversation.directPeer()
                .orElseThrow(() -> new InvalidInputException("only messages of direct conversations can be " + action));
        return new Own(message, recipients.sendable(peer), null);
    }

    private Instant now() {
        return crypto.context().clock().instant();
    }

    private Storage storage() {
        return crypto.storage();
    }
}
