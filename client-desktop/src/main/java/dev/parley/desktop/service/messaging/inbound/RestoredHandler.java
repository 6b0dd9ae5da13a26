package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;

/**
 * RESTORED (28, issue #17): the sender restored their profile from a backup. Their conversation gets one centred
 * system line (named by the payload's id, so a resent copy adds none; it replaces the generic "restarted their secure
 * session" line, see {@link InboundPipeline}), and they are forgotten as holders of this profile's group sender keys,
 * so the next message to each group they are in carries the key to them again (they lost every sender key).
 */
final class RestoredHandler implements PayloadHandler<Payload.Restored> {
    static final String NOTICE = "%s restored Parley from a backup, so your secure session restarted. "
            + "Messages sent to them just before may not have arrived.";

    private final Storage storage;

    RestoredHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.Restored> type() {
        return Payload.Restored.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Restored>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.Restored> r : received) {
            storage.groups().forgetKeyHolder(txn, r.sender());
            NewMessage line = NewMessage.system(lineId(r.payload()),
                    storage.conversations().direct(txn, r.sender()).id(), batch.now(), String.format(NOTICE, r.sender()));
            for (Message stored : storage.messages().insertAllIfAbsent(txn, List.of(line))) {
                txn.attach(new MessageReceivedEvent(stored));
            }
        }
    }

    @Override
    public Optional<MessageId> storedMessage(Payload.Restored payload) {
        return Optional.of(lineId(payload));
    }

    private static MessageId lineId(Payload.Restored payload) {
        return new MessageId("restored-" + payload.id().hex());
    }
}
