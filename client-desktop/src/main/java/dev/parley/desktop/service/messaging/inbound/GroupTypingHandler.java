package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.GroupTypingChangedEvent;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * Typing in a group (GROUP_TYPING 38, issue #15): an event for the group's conversation, only from a current member
 * of a group this profile is active in and of at most {@code GroupConversations.MAX_TYPING_MEMBERS} members (a larger
 * group's typing is not shown even if a client sends it). Nothing stored; arrives on ephemeral frames.
 */
final class GroupTypingHandler implements PayloadHandler<Payload.GroupTyping> {
    /** As the sending side's limit. */
    static final int MAX_MEMBERS = 20;

    private final Storage storage;

    GroupTypingHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.GroupTyping> type() {
        return Payload.GroupTyping.class;
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.GroupTyping>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.GroupTyping> r : received) {
            Optional<StoredGroup> group = storage.groups().find(txn, r.payload().group());
            if (group.isPresent() && group.get().active() && group.get().state().isMember(r.sender())
                    && group.get().state().members().size() <= MAX_MEMBERS) {
                txn.attach(new GroupTypingChangedEvent(ConversationId.group(r.payload().group()).value(), r.sender(),
                        r.payload().typing()));
            }
        }
    }
}
