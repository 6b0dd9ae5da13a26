package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.group.GroupId;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Issue #17: once a sender key for a group arrived (SENDER_KEY from the member, SENDER_KEY_SYNC from an own device),
 * the group messages that waited for it are opened ({@link GroupReceiver#releasePending}) and their payloads go to
 * their handlers in the same batch, exactly as if they had arrived now ({@link GroupMessageHandler}).
 */
final class HeldGroupMessages {
    private final GroupReceiver groups;
    private final Supplier<PayloadHandlers> registry;

    HeldGroupMessages(GroupReceiver groups, Supplier<PayloadHandlers> registry) {
        this.groups = groups;
        this.registry = registry;
    }

    /**
     * @param trigger the payload that brought the keys: its batch slot and digest stand for the released messages,
     *                whose own envelopes were acknowledged when they were kept
     */
    void release(Transaction txn, Collection<GroupId> keyed, Received<?> trigger, ReceivedBatch batch)
            throws StorageException {
        List<Received<?>> inner = new ArrayList<>();
        for (GroupId group : new LinkedHashSet<>(keyed)) {
            for (GroupReceiver.Released released : groups.releasePending(txn, group, batch.now())) {
                if (GroupMessageHandler.carries(released.opened().payload())) {
                    inner.add(new Received<>(trigger.index(), released.sender(), released.opened().payload(),
                            trigger.digest(), released.opened().conversation()));
                }
            }
        }
        if (!inner.isEmpty()) {
            registry.get().apply(txn, inner, batch);
        }
    }
}
