package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.ReactionsChangedEvent;
import dev.parley.desktop.service.messaging.Emoji;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reactions: the sender's one emoji on a message of a conversation they take part in, replacing their earlier one, or
 * removed. Ignored (and still acknowledged): a reaction that is not an emoji, to a message this profile does not have,
 * or from someone who is not a participant of the message's conversation. No receipt is owed for a reaction.
 */
final class ReactionHandler implements PayloadHandler<Payload.Reaction> {
    private static final Logger LOG = LoggerFactory.getLogger(ReactionHandler.class);

    private final Storage storage;

    ReactionHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.Reaction> type() {
        return Payload.Reaction.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Reaction>> received, ReceivedBatch batch) throws StorageException {
        for (Received<Payload.Reaction> r : received) {
            Payload.Reaction reaction = r.payload();
            if (!Emoji.isEmoji(reaction.emoji())) {
                LOG.info("ignoring a reaction that is not an emoji");
                continue;
            }
            MessageId target = new MessageId(reaction.target().hex());
            Optional<Message> message = storage.messages().find(txn, target);
            boolean allowed = message.isPresent() && (r.inGroup()
                    ? message.get().conversationId().equals(r.group())
                    : isParticipant(txn, message.get(), r.sender()));
            if (!allowed) {
                LOG.info("ignoring a reaction to a message its sender does not share");
                continue;
            }
            if (reaction.remove()) {
                storage.reactions().remove(txn, target, r.sender());
            } else {
                storage.reactions().put(txn, new Reaction(target, r.sender(), reaction.emoji(), batch.now()));
            }
            ListenNotes.reaction(storage, txn, message.get(), r.sender(), reaction.remove() ? null : reaction.emoji());
            txn.attach(new ReactionsChangedEvent(message.get().conversationId().value(), target));
        }
    }

    private boolean isParticipant(Transaction txn, Message message, String sender) throws StorageException {
        return storage.conversations().find(txn, message.conversationId())
                .map(conversation -> conversation.hasParticipant(sender)).orElse(false);
    }
}
