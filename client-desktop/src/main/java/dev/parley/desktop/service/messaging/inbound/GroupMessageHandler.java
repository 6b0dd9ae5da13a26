package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.group.GroupMessageRun;
import dev.parley.desktop.service.group.GroupReceiver;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group messages (GROUP_MESSAGE 34): each is verified and decrypted with its sender's sender key
 * ({@link GroupMessageRun#open}: a sender's key record is written once per run, not once per message), and the payload inside goes to its own handler as part of the group's conversation
 * ({@link Received#group()}). Only texts, files (ATTACHMENT pointers), reactions, edits and deletes may travel inside a
 * group message; anything else inside is dropped.
 */
final class GroupMessageHandler implements PayloadHandler<Payload.GroupMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMessageHandler.class);

    private final GroupReceiver groups;
    private final Supplier<PayloadHandlers> registry;

    GroupMessageHandler(GroupReceiver groups, Supplier<PayloadHandlers> registry) {
        this.groups = groups;
        this.registry = registry;
    }

    /** Whether {@code payload} may travel inside a group message. */
    static boolean carries(Payload payload) {
        return payload instanceof Payload.Text || payload instanceof Payload.Reaction
                || payload instanceof Payload.Edit || payload instanceof Payload.Delete
                || payload instanceof Payload.Attachment;
    }

    @Override
    public Class<Payload.GroupMessage> type() {
        return Payload.GroupMessage.class;
    }

    @Override
    public FromStranger fromStranger() {
        return FromStranger.OPENS_REQUEST;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.GroupMessage>> received, ReceivedBatch batch)
            throws StorageException {
        List<Received<?>> inner = new ArrayList<>();
        GroupMessageRun run = groups.run(txn, batch.now());
        for (Received<Payload.GroupMessage> r : received) {
            if (r.inGroup()) {
                continue;
            }
            Optional<GroupReceiver.Opened> opened = run.open(r.sender(), r.senderDevice(), r.payload().message());
            if (opened.isEmpty()) {
                continue;
            }
            Payload payload = opened.get().payload();
            if (carries(payload)) {
                inner.add(new Received<>(r.index(), r.sender(), payload, r.digest(), opened.get().conversation()));
            } else {
                LOG.info("dropping a {} inside a group message", payload.getClass().getSimpleName());
            }
        }
        run.finish();
        if (!inner.isEmpty()) {
            registry.get().apply(txn, inner, batch);
        }
    }
}
