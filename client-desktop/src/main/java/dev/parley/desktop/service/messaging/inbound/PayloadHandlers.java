package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.messaging.Receipts;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of payload handlers: THE place where a payload kind is connected to the receive path. Adding a kind
 * means a record under the sealed {@code Payload}, its codec entry, a {@link PayloadHandler}, and one line in
 * {@link #standard}. A payload without a handler is a bug; its envelope is rejected alone.
 */
public final class PayloadHandlers {
    private final Map<Class<?>, PayloadHandler<?>> byType = new LinkedHashMap<>();

    private PayloadHandlers(List<PayloadHandler<?>> handlers) {
        for (PayloadHandler<?> handler : handlers) {
            if (byType.putIfAbsent(handler.type(), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + handler.type().getSimpleName());
            }
        }
        for (Class<?> kind : Payload.class.getPermittedSubclasses()) {
            if (!byType.containsKey(kind)) {
                throw new IllegalArgumentException("no handler for the payload kind " + kind.getSimpleName());
            }
        }
    }

    /** A registry of exactly these handlers: one per payload kind, every kind of the sealed {@code Payload} covered. */
    static PayloadHandlers of(List<PayloadHandler<?>> handlers) {
        return new PayloadHandlers(handlers);
    }

    /** Every payload kind this client understands, each with its handler. */
    public static PayloadHandlers standard(Storage storage, Receipts receipts,
                                           dev.parley.desktop.service.group.GroupReceiver groups) {
        return standard(storage, receipts, groups, PresenceInbox.IGNORE);
    }

    /** Every payload kind this client understands; received presence goes to {@code presence}. */
    public static PayloadHandlers standard(Storage storage, Receipts receipts,
                                           dev.parley.desktop.service.group.GroupReceiver groups,
                                           PresenceInbox presence) {
        return standard(storage, receipts, groups, presence, () -> { });
    }

    /**
     * Every payload kind this client understands; received presence goes to {@code presence}; {@code contactsChanged}
     * runs after a batch that changed contacts on another device's word (issue #17), to drop cached contacts.
     */
    public static PayloadHandlers standard(Storage storage, Receipts receipts,
                                           dev.parley.desktop.service.group.GroupReceiver groups,
                                           PresenceInbox presence, Runnable contactsChanged) {
        IncomingChanges changes = new IncomingChanges(storage);
        PayloadHandlers[] self = new PayloadHandlers[1];
        HeldGroupMessages held = new HeldGroupMessages(groups, () -> self[0]);
        self[0] = of(List.of(
                new TextHandler(storage, receipts, changes),
                new ReceiptHandler<>(Payload.DeliveryReceipt.class, Payload.DeliveryReceipt::ids, MessageState.DELIVERED, storage),
                new ReceiptHandler<>(Payload.ReadReceipt.class, Payload.ReadReceipt::ids, MessageState.READ, storage),
                new TypingHandler<>(Payload.TypingStarted.class, true),
                new TypingHandler<>(Payload.TypingStopped.class, false),
                new ReactionHandler(storage),
                new UnknownPayloadHandler(storage),
                new EditHandler(changes),
                new DeleteHandler(changes),
                new TimerHandler(storage),
                new AttachmentHandler(storage, receipts, changes),
                new ProfileHandler(storage),
                new PresenceHandler(storage, presence),
                new RestoredHandler(storage),
                new GroupChangeHandler(groups), new SenderKeyHandler(groups, held),
                new GroupMessageHandler(groups, () -> self[0]),
                new GroupTypingHandler(storage),
                new GroupJoinHandler(groups),
                new GroupStateRequestHandler(groups),
                new GroupStateAnswerHandler(groups),
                new SentTranscriptHandler(storage, changes, contactsChanged),
                new ReadSyncHandler(storage),
                new ConversationSyncHandler(storage),
                new ContactSyncHandler(storage, contactsChanged),
                new HistoryChunkHandler(storage),
                new GroupTranscriptHandler(storage, changes), new GroupReadSyncHandler(storage),
                new GroupSyncHandler(storage, groups), new SenderKeySyncHandler(storage, groups, held),
                new SettingsSyncHandler(storage),
                new DeviceUnlinkedHandler(storage)));
        return self[0];
    }

    /** Whether this payload may arrive on an ephemeral frame. */
    public boolean isEphemeral(Payload payload) {
        return handlerOf(payload).ephemeral();
    }

    /** What this payload does when it comes from someone who is neither a contact nor a pending request. */
    public FromStranger fromStranger(Payload payload) {
        return fromStranger(payload.getClass());
    }

    /** What payloads of this kind do when they come from someone who is neither a contact nor a pending request. */
    public FromStranger fromStranger(Class<? extends Payload> kind) {
        PayloadHandler<?> handler = byType.get(kind);
        if (handler == null) {
            throw new IllegalStateException("no handler for the payload kind " + kind.getSimpleName());
        }
        return handler.fromStranger();
    }

    /** The stored message the envelope of this payload points at (for its envelope record). */
    public Optional<MessageId> storedMessage(Payload payload) {
        return storedMessage(handlerOf(payload), payload);
    }

    /**
     * Dispatches a batch's decrypted payloads to their handlers inside its transaction: each handler gets its kind's
     * payloads in arrival order, kinds in the order they first appear; a payload of an {@link PayloadHandler#ordered()
     * ordered} kind is applied after everything before it and before everything after it. Consecutive payloads of one
     * ordered kind go to its handler together, in arrival order (a run of group messages is stored as one batch, as
     * direct messages are), since an ordered handler applies its list one payload after the other.
     */
    public void apply(Transaction txn, List<Received<?>> received, ReceivedBatch batch) throws StorageException {
        Map<PayloadHandler<?>, List<Received<?>>> byHandler = new LinkedHashMap<>();
        PayloadHandler<?> runHandler = null;
        List<Received<?>> run = new ArrayList<>();
        for (Received<?> r : received) {
            PayloadHandler<?> handler = handlerOf(r.payload());
            if (handler.ordered() && handler == runHandler) {
                run.add(r);
                continue;
            }
            if (runHandler != null) {
                applyTyped(runHandler, txn, run, batch);
                runHandler = null;
                run = new ArrayList<>();
            }
            if (handler.ordered()) {
                // Everything before it is applied first: an ordered kind never changes places.
                applyAll(txn, byHandler, batch);
                byHandler.clear();
                runHandler = handler;
                run.add(r);
            } else {
                byHandler.computeIfAbsent(handler, h -> new ArrayList<>()).add(r);
            }
        }
        if (runHandler != null) {
            applyTyped(runHandler, txn, run, batch);
        }
        applyAll(txn, byHandler, batch);
    }

    private static void applyAll(Transaction txn, Map<PayloadHandler<?>, List<Received<?>>> byHandler,
                                 ReceivedBatch batch) throws StorageException {
        for (Map.Entry<PayloadHandler<?>, List<Received<?>>> entry : byHandler.entrySet()) {
            applyTyped(entry.getKey(), txn, entry.getValue(), batch);
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Payload> void applyTyped(PayloadHandler<P> handler, Transaction txn, List<Received<?>> received,
                                                       ReceivedBatch batch) throws StorageException {
        List<Received<P>> typed = new ArrayList<>(received.size());
        for (Received<?> r : received) {
            typed.add((Received<P>) r);
        }
        handler.apply(txn, typed, batch);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Payload> Optional<MessageId> storedMessage(PayloadHandler<P> handler, Payload payload) {
        return handler.storedMessage((P) payload);
    }

    private PayloadHandler<?> handlerOf(Payload payload) {
        PayloadHandler<?> handler = byType.get(payload.getClass());
        if (handler == null) {
            throw new IllegalStateException("no handler for the payload kind " + payload.getClass().getSimpleName());
        }
        return handler;
    }
}
