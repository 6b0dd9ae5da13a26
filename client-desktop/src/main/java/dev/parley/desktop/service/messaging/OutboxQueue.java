package dev.parley.desktop.service.messaging;

import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.service.StorageFailureException;
import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.OutboxEntry;
import dev.parley.desktop.storage.StateUpdate;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The durable outbox as the connection sees it: what is pending, and what the relay answered. */
public final class OutboxQueue implements Outbox {
    private final Storage storage;
    private final Clock clock;

    public OutboxQueue(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public List<Outbox.Item> pending() throws StorageFailureException {
        try {
            List<OutboxEntry> entries = storage.transactions().transactionWithResult(true,
                    txn -> storage.outbox().pending(txn, Outbox.BATCH));
            List<Outbox.Item> items = new ArrayList<>(entries.size());
            for (OutboxEntry entry : entries) {
                items.add(new Outbox.Item(HexFormat.of().parseHex(entry.messageId().value()), entry.recipient(), entry.blob(), false));
            }
            return items;
        } catch (StorageException e) {
            throw new StorageFailureException("cannot read the outbox", e);
        }
    }

    @Override
    public void accepted(Outbox.Item item) throws StorageFailureException {
        finish(item, MessageState.SENT, null);
    }

    /** One transaction for all (a group message's 999 recipients were 999 commits); each message's state once. */
    @Override
    public void acceptedAll(List<Outbox.Item> items) throws StorageFailureException {
        try {
            storage.transactions().transaction(false, txn -> {
                java.util.Set<MessageId> done = new java.util.HashSet<>();
                for (Outbox.Item item : items) {
                    MessageId id = new MessageId(HexFormat.of().formatHex(item.clientMessageId()));
                    storage.outbox().acknowledge(txn, id, item.recipient());
                    if (done.add(id)) {
                        recordState(txn, item, id, MessageState.SENT, null);
                    }
                }
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record the relay's answer", e);
        }
    }

    @Override
    public void rejected(Outbox.Item item, String reason) throws StorageFailureException {
        finish(item, MessageState.FAILED, reason);
    }

    private void finish(Outbox.Item item, MessageState state, String reason) throws StorageFailureException {
        MessageId id = new MessageId(HexFormat.of().formatHex(item.clientMessageId()));
        try {
            storage.transactions().transaction(false, txn -> {
                storage.outbox().acknowledge(txn, id, item.recipient());
                recordState(txn, item, id, state, reason);
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record the relay's answer", e);
        }
    }

    private void recordState(Transaction txn, Outbox.Item item, MessageId id, MessageState state, String reason)
            throws StorageException {
        if (storage.messages().updateState(txn, id, state, reason) == StateUpdate.APPLIED) {
            txn.attach(new MessageStateChangedEvent(item.recipient(), id, state));
        }
        if (state == MessageState.SENT) {
            storage.messageTimes().record(txn, List.of(id), MessageState.SENT, clock.instant());
        }
    }
}
