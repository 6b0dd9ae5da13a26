package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.GroupStateAnswer;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.service.group.GroupResync;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/**
 * An admin's signed answer with a group's current state (GROUP_STATE 37), applied in arrival order with the other
 * group payloads ({@link GroupResync#answer}).
 */
final class GroupStateAnswerHandler implements PayloadHandler<GroupStateAnswer> {
    private final GroupReceiver groups;

    GroupStateAnswerHandler(GroupReceiver groups) {
        this.groups = groups;
    }

    @Override
    public Class<GroupStateAnswer> type() {
        return GroupStateAnswer.class;
    }

    /** An answer comes only from an admin this profile asked, hence a contact: from a stranger it opens nothing. */
    @Override
    public FromStranger fromStranger() {
        return FromStranger.DROPPED;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<GroupStateAnswer>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<GroupStateAnswer> r : received) {
            if (!r.inGroup()) {
                groups.resync().answer(txn, r.sender(), r.payload().snapshot(), batch.now());
            }
        }
    }
}
