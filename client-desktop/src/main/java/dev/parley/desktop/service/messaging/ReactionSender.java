package dev.parley.desktop.service.messaging;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.crypto.ProfileCrypto;
import dev.parley.desktop.event.ReactionsChangedEvent;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.Conversation;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.TransactionFunction;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * This user's reactions (split out of {@link DefaultMessagingService}): stored locally and sent to the message's
 * conversation (a direct contact through {@link Outbound}, a group through its group service) in one transaction.
 */
final class ReactionSender {
    private final ProfileCrypto crypto;
    private final Supplier<String> ownUsername;
    private final Recipients recipients;
    private final Outbound outbound;
    private final dev.parley.desktop.service.group.DefaultGroupService groups;

    ReactionSender(ProfileCrypto crypto, Supplier<String> ownUsername, Recipients recipients, Outbound outbound,
                   dev.parley.desktop.service.group.DefaultGroupService groups) {
        this.crypto = crypto;
        this.ownUsername = ownUsername;
        this.recipients = recipients;
        this.outbound = outbound;
        this.groups = groups;
    }

    private Storage storage() {
        return crypto.storage();
    }

    /** Puts (or removes) this user's reaction on a message and sends it to the conversation. */
    void react(MessageId messageId, String emoji, boolean remove) throws ServiceException {
        if (!Emoji.isEmoji(emoji)) {
            throw new InvalidInputException("a reaction is one emoji");
        }
        Conversation conversation;
        try {
            conversation = storage().transactions().transactionWithResult(true, txn -> {
                Optional<Message> message = storage().messages().find(txn, messageId);
                return message.isEmpty() ? Optional.<Conversation>empty()
                        : storage().conversations().find(txn, message.get().conversationId());
            }).orElseThrow(() -> new InvalidInputException("no such message"));
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the message", e);
        }
        String own = ownUsername.get();
        Instant now = crypto.context().clock().instant();
        Payload.Reaction payload = new Payload.Reaction(WireIds.wire(messageId), emoji, remove);
        TransactionFunction<Object, StorageException> local = txn -> {
            if (remove) {
                storage().reactions().remove(txn, messageId, own);
            } else {
                storage().reactions().put(txn, new Reaction(messageId, own, emoji, now));
            }
            txn.attach(new ReactionsChangedEvent(conversation.id().value(), messageId));
            return null;
        };
        if (conversation.kind() == dev.parley.desktop.storage.ConversationKind.GROUP) {
            groups.sendTo(conversation.id(), payload, outbound.newOutboxId(), local);
            return;
        }
        Contact peer = recipients.sendable(conversation.directPeer()
                .orElseThrow(() -> new InvalidInputException("reactions go to direct conversations only")));
        outbound.stored(peer, payload, outbound.newOutboxId(), txn -> {
            if (remove) {
                storage().reactions().remove(txn, messageId, own);
            } else {
                storage().reactions().put(txn, new Reaction(messageId, own, emoji, now));
            }
            txn.attach(new ReactionsChangedEvent(conversation.id().value(), messageId));
            return null;
        });
    }
}
