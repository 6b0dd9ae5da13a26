package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.event.MemberReceiptEvent;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.StateUpdate;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Delivery and read receipts: advance the state of our own messages in a conversation the sender takes part in, the
 * only messages the receipt's sender could have received. Ids of other messages (an incoming message, a system line,
 * another conversation's message, an unknown id) are ignored; a state never goes back. In a group conversation (issue
 * #15) the sender must be a current member of the group, and the time is also kept per member
 * ({@code MemberReceiptStore}: "Read by 3 of 5"); the message's own state moves to DELIVERED once every current
 * member (but the author) delivered it and to READ once every one read it, so its ticks say "delivered to all" and
 * "read by all", while its recorded times stay those of the first receipt.
 */
final class ReceiptHandler<P extends Payload> implements PayloadHandler<P> {
    private final Class<P> type;
    private final Function<P, List<dev.parley.crypto.payload.MessageId>> ids;
    private final MessageState state;
    private final Storage storage;

    ReceiptHandler(Class<P> type, Function<P, List<dev.parley.crypto.payload.MessageId>> ids, MessageState state,
                   Storage storage) {
        this.type = type;
        this.ids = ids;
        this.state = state;
        this.storage = storage;
    }

    @Override
    public Class<P> type() {
        return type;
    }

    /** Only someone our message went to may report on it. */
    private boolean couldHaveReceived(Transaction txn, Message message, String sender) throws StorageException {
        if (message.direction() != Direction.OUTGOING || message.isSystem()) {
            return false;
        }
        if (message.conversationId().isGroup()) {
            GroupId group = GroupId.fromHex(message.conversationId().value().substring(ConversationId.GROUP_PREFIX.length()));
            return storage.groups().find(txn, group).map(g -> g.active() && g.state().isMember(sender)).orElse(false);
        }
        return storage.conversations().find(txn, message.conversationId())
                .map(conversation -> conversation.hasParticipant(sender)).orElse(false);
    }

    @Override
    public void apply(Transaction txn, List<Received<P>> received, ReceivedBatch batch) throws StorageException {
        for (Received<P> r : received) {
            for (dev.parley.crypto.payload.MessageId raw : ids.apply(r.payload())) {
                MessageId id = new MessageId(raw.hex());
                Optional<Message> message = storage.messages().find(txn, id);
                if (message.isEmpty() || !couldHaveReceived(txn, message.get(), r.sender())) {
                    continue;
                }
                ConversationId conversation = message.get().conversationId();
                // A receipt proves the relay stored the message: if its acceptance was not heard yet (a lean
                // connection's send_accepted may wait up to 20 ms, part 2; a lost answer), that is when it is known,
                // so the info never shows "delivered" before "on the relay" (a later send_accepted keeps this time).
                storage.messageTimes().record(txn, List.of(id), MessageState.SENT, batch.now());
                // The first receipt's time is kept, even when the state did not move (a late "delivered").
                storage.messageTimes().record(txn, List.of(id), state, batch.now());
                Optional<MessageState> reached = Optional.of(state);
                if (conversation.isGroup()) {
                    storage.memberReceipts().record(txn, id, r.sender(), state, batch.now());
                    txn.attach(new MemberReceiptEvent(conversation.value(), id));
                    reached = reachedByEveryMember(txn, message.get());
                }
                if (reached.isPresent()
                        && storage.messages().updateState(txn, id, reached.get(), null) == StateUpdate.APPLIED) {
                    txn.attach(new MessageStateChangedEvent(conversation.value(), id, reached.get()));
                }
            }
        }
    }

    /**
     * The state every current member of the group (but the author) has reached for the author's message: READ when
     * each sent a read receipt, DELIVERED when each sent a delivery or a read receipt; empty otherwise (so a group
     * message's ticks show "delivered to all" and "read by all").
     */
    private Optional<MessageState> reachedByEveryMember(Transaction txn, Message message) throws StorageException {
        GroupId group = GroupId.fromHex(message.conversationId().value().substring(ConversationId.GROUP_PREFIX.length()));
        List<String> others = storage.groups().find(txn, group).map(g -> g.state().usernames()).orElse(List.of())
                .stream().filter(u -> !u.equals(message.sender())).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, dev.parley.desktop.storage.MemberReceipt> byMember = new java.util.HashMap<>();
        for (dev.parley.desktop.storage.MemberReceipt receipt : storage.memberReceipts().list(txn, message.messageId())) {
            byMember.put(receipt.member(), receipt);
        }
        boolean allRead = others.stream().allMatch(u -> byMember.containsKey(u) && byMember.get(u).read().isPresent());
        boolean allDelivered = others.stream().allMatch(u -> byMember.containsKey(u));
        return allRead ? Optional.of(MessageState.READ)
                : allDelivered ? Optional.of(MessageState.DELIVERED) : Optional.empty();
    }
}
