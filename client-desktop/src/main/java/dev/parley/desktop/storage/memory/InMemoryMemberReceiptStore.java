package dev.parley.desktop.storage.memory;

import dev.parley.desktop.storage.MemberReceipt;
import dev.parley.desktop.storage.MemberReceiptStore;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Receipts by message id and member; a message the message store no longer has has none (they go with it). */
final class InMemoryMemberReceiptStore implements MemberReceiptStore, Snapshotting {
    private final InMemoryTransactionManager manager;
    private final MessageStore messages;
    private Map<MessageId, TreeMap<String, MemberReceipt>> receipts = new HashMap<>();

    InMemoryMemberReceiptStore(InMemoryTransactionManager manager, MessageStore messages) {
        this.manager = manager;
        this.messages = messages;
        manager.register(this);
    }

    @Override
    public Object snapshot() {
        Map<MessageId, TreeMap<String, MemberReceipt>> copy = new HashMap<>();
        receipts.forEach((id, members) -> copy.put(id, new TreeMap<>(members)));
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        receipts = (Map<MessageId, TreeMap<String, MemberReceipt>>) snapshot;
    }

    @Override
    public void record(Transaction txn, MessageId id, String member, MessageState step, Instant at)
            throws StorageException {
        MemberReceiptStore.checkStep(step);
        InMemoryTransaction.check(txn, manager, true);
        MemberReceipt.checkMember(member);
        if (messages.find(txn, id).isEmpty()) {
            receipts.remove(id);
            return;
        }
        TreeMap<String, MemberReceipt> members = receipts.computeIfAbsent(id, k -> new TreeMap<>());
        MemberReceipt r = members.getOrDefault(member, new MemberReceipt(member, null, null));
        members.put(member, step == MessageState.DELIVERED
                ? new MemberReceipt(member, r.deliveredAt() != null ? r.deliveredAt() : at, r.readAt())
                : new MemberReceipt(member, r.deliveredAt(), r.readAt() != null ? r.readAt() : at));
    }

    @Override
    public List<MemberReceipt> list(Transaction txn, MessageId id) throws StorageException {
        InMemoryTransaction.check(txn, manager, false);
        if (messages.find(txn, id).isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(receipts.getOrDefault(id, new TreeMap<>()).values());
    }
}
