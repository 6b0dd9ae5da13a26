package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/** Members' sender keys (SENDER_KEY 33), kept only from members of the group ({@link GroupReceiver#senderKey}). */
final class SenderKeyHandler implements PayloadHandler<Payload.SenderKey> {
    private final GroupReceiver groups;

    SenderKeyHandler(GroupReceiver groups) {
        this.groups = groups;
    }

    @Override
    public Class<Payload.SenderKey> type() {
        return Payload.SenderKey.class;
    }

    /**
     * A sender key from someone who is not a contact opens a request, as their group messages do: group messages
     * arrive as multi-recipient envelopes, which are taken only from a contact or request with the key the relay
     * certified (docs/protocol.md 1.15.4), so a member who is nobody's contact must become a request with their first
     * pairwise envelope. The key itself is still kept only from a member of a group held here.
     */
    @Override
    public FromStranger fromStranger() {
        return FromStranger.OPENS_REQUEST;
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
                groups.senderKey(txn, r.sender(), r.payload().distribution(), batch.now());
            }
        }
    }
}
