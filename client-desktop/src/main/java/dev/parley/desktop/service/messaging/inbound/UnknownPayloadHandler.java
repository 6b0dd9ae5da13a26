package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payload kind from a newer client: its session step is kept (so later messages still decrypt), the envelope is
 * acknowledged, and the conversation with the sender gets the system line {@value #TEXT} (keyed by the envelope, so a
 * redelivery adds no second line), so the user knows something arrived that this version cannot show.
 */
final class UnknownPayloadHandler implements PayloadHandler<Payload.Unknown> {
    /** The system line an unknown payload leaves. */
    static final String TEXT = "unsupported message, update Parley";
    private static final Logger LOG = LoggerFactory.getLogger(UnknownPayloadHandler.class);

    private final Storage storage;

    UnknownPayloadHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.Unknown> type() {
        return Payload.Unknown.class;
    }

    @Override
    public FromStranger fromStranger() {
        return FromStranger.OPENS_REQUEST;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.Unknown>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.Unknown> r : received) {
            LOG.info("a payload of unknown kind {}: shown as unsupported", r.payload().typeCode());
            ConversationId conversation = storage.conversations().direct(txn, r.sender()).id();
            MessageId lineId = new MessageId("unk-" + HexFormat.of().formatHex(r.digest().bytes(), 0, 16));
            NewMessage line = NewMessage.incoming(lineId, conversation, r.sender(), batch.now(), batch.now(), TEXT)
                    .asSystem();
            for (Message stored : storage.messages().insertAllIfAbsent(txn, List.of(line))) {
                txn.attach(new MessageReceivedEvent(stored));
            }
        }
    }
}
