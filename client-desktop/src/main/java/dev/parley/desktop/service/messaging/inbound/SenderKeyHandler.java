package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/** Members' sender keys (SENDER_KEY 33), kept only from members of the group ({@link GroupReceiver#senderKey}). */
final class SenderKeyHandler implements PayloadHandler<Payload.SenderKey> {
    private final GroupReceiver groups;
    private final HeldGroupMessages held;

    SenderKeyHandler(GroupReceiver groups, HeldGroupMessages held) {
        this.groups = groups;
        this.held = held;
    }

    @Override
    public Class<Payload.SenderKey> type() {
        return Payload.SenderKey.class;
    }

    /**
     * A sender key from someone who is not a contact is kept quietly (issue #15): it is applied only if they are a
     * member of a group held here, and it makes them neither a contact nor a message request. Their group messages,
     * sent once with {@code send_multi}, are then taken on the identity key of the pairwise session this key came over
     * (docs/protocol.md 1.15.4).
     */
    @Override
    public FromStranger fromStranger() {
        return FromStranger.APPLIED_WITHOUT_CONTACT;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.SenderKey>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.SenderKey> r : received) {
            if (!r.inGroup()) {
                groups.senderKey(txn, r.sender(), r.senderDevice(), r.payload().distribution(), batch.now());
                held.release(txn, java.util.List.of(r.payload().distribution().groupId()), r, batch);   // issue #17
            }
        }
    }
}
