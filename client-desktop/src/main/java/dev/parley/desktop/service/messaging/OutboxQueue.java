package dev.parley.desktop.service.messaging;

import dev.parley.desktop.crypto.DeviceAddress;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The durable outbox as the connection sees it: what is pending, and what the relay answered. An entry's recipient is
 * a device address (issue #17): the copies of one message for one account's devices are settled together, and the
 * copies for this account's own other devices (sent transcripts) never change the message's state.
 */
public final class OutboxQueue implements Outbox {
    private final Storage storage;
    private final Clock clock;
    private final Supplier<String> ownUsername;
    private final DeviceFanout fanout;

    public OutboxQueue(Storage storage, Clock clock, Supplier<String> ownUsername, DeviceFanout fanout) {
        this.storage = storage;
        this.clock = clock;
        this.ownUsername = ownUsername;
        this.fanout = fanout;
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
        finish(List.of(item), MessageState.SENT, null);
    }

    @Override
    public void acceptedCopies(List<Outbox.Item> copies) throws StorageFailureException {
        finish(copies, MessageState.SENT, null);
    }

    /**
     * One transaction for all (a group message's 999 recipients were 999 commits), the entries of each message removed
     * in one go ({@code acknowledgeAll}); each message's state once.
     */
    @Override
    public void acceptedAll(List<Outbox.Item> items) throws StorageFailureException {
        java.util.Map<MessageId, List<String>> byMessage = new java.util.LinkedHashMap<>();
        for (Outbox.Item item : items) {
            byMessage.computeIfAbsent(new MessageId(HexFormat.of().formatHex(item.clientMessageId())),
                    id -> new ArrayList<>()).add(item.recipient());
        }
        try {
            storage.transactions().transaction(false, txn -> {
                for (java.util.Map.Entry<MessageId, List<String>> message : byMessage.entrySet()) {
                    MessageId id = message.getKey();
                    storage.outbox().acknowledgeAll(txn, id, message.getValue());
                    for (String recipient : message.getValue()) {
                        String account = DeviceAddress.accountOf(recipient);
                        if (!account.equals(ownUsername.get())) {
                            record(txn, id, account, MessageState.SENT, null);
                            break;
                        }
                    }
                }
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record the relay's answer", e);
        }
    }

    @Override
    public void rejected(Outbox.Item item, String reason) throws StorageFailureException {
        finish(List.of(item), MessageState.FAILED, reason);
    }

    @Override
    public List<Outbox.Item> devicesChanged(String account, byte[] clientMessageId, List<Integer> devices,
                                            BundleSource bundles) throws StorageFailureException {
        return fanout.devicesChanged(account, clientMessageId, devices, bundles);
    }

    /** Removes the entries of one message's copies and records the relay's answer on the message once. */
    private void finish(List<Outbox.Item> items, MessageState state, String reason) throws StorageFailureException {
        if (items.isEmpty()) {
            return;
        }
        MessageId id = new MessageId(HexFormat.of().formatHex(items.get(0).clientMessageId()));
        String account = DeviceAddress.accountOf(items.get(0).recipient());
        boolean ownDevices = account.equals(ownUsername.get());
        try {
            storage.transactions().transaction(false, txn -> {
                for (Outbox.Item item : items) {
                    storage.outbox().acknowledge(txn, id, item.recipient());
                }
                if (!ownDevices) {
                    record(txn, id, account, state, reason);
                }
            });
        } catch (StorageException e) {
            throw new StorageFailureException("cannot record the relay's answer", e);
        }
    }

    private void record(Transaction txn, MessageId id, String account, MessageState state, String reason)
            throws StorageException {
        if (storage.messages().updateState(txn, id, state, reason) == StateUpdate.APPLIED) {
            // named by its conversation: a group message's entries go to each member, its row is the group's
            String conversation = storage.messages().find(txn, id).map(m -> m.conversationId().value())
                    .orElse(account);
            txn.attach(new MessageStateChangedEvent(conversation, id, state));
        }
        if (state == MessageState.SENT) {
            // never before the message itself, even if the system clock stepped back in between
            Instant at = clock.instant();
            Instant sentAt = storage.messages().find(txn, id).map(m -> m.sentAt()).orElse(null);
            storage.messageTimes().record(txn, List.of(id), MessageState.SENT,
                    sentAt != null && sentAt.isAfter(at) ? sentAt : at);
        }
    }
}
