package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.Transaction;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disappearing-message timers set by the other side: the conversation with the sender takes the new timer and gets the
 * system line "bob set disappearing messages to 1 hour" (stored read, keyed by the envelope, so a redelivery adds no
 * second line). A value that is not one of the allowed timers, or the timer already in force, is ignored.
 */
final class TimerHandler implements PayloadHandler<Payload.TimerUpdate> {
    private static final Logger LOG = LoggerFactory.getLogger(TimerHandler.class);

    private final Storage storage;

    TimerHandler(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Class<Payload.TimerUpdate> type() {
        return Payload.TimerUpdate.class;
    }

    @Override
    public void apply(Transaction txn, List<Received<Payload.TimerUpdate>> received, ReceivedBatch batch)
            throws StorageException {
        for (Received<Payload.TimerUpdate> r : received) {
            Optional<DisappearingTimer> timer = DisappearingTimer.ofSeconds(r.payload().seconds());
            if (timer.isEmpty()) {
                LOG.info("ignoring a disappearing-messages timer that is not one of the allowed values");
                continue;
            }
            ConversationId conversation = storage.conversations().direct(txn, r.sender()).id();
            if (storage.disappearing().timer(txn, conversation) == timer.get()) {
                continue;
            }
            storage.disappearing().setTimer(txn, conversation, timer.get());
            MessageId lineId = new MessageId("sys-" + HexFormat.of().formatHex(r.digest().bytes(), 0, 16));
            NewMessage line = new NewMessage(lineId, conversation, Direction.INCOMING, r.sender(),
                    Instant.ofEpochMilli(r.payload().setAtMillis()), batch.now(), timer.get().systemLine(r.sender()),
                    MessageState.READ).asSystem();
            for (Message stored : storage.messages().insertAllIfAbsent(txn, List.of(line))) {
                txn.attach(new MessageReceivedEvent(stored));
            }
        }
    }
}
