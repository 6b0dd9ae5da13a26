package dev.parley.desktop.service.messaging.inbound;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.TypingChangedEvent;
import dev.parley.desktop.storage.Transaction;
import java.util.List;

/** Typing indicators: nothing stored, an event once the session step committed. They arrive on ephemeral frames. */
final class TypingHandler<P extends Payload> implements PayloadHandler<P> {
    private final Class<P> type;
    private final boolean typing;

    TypingHandler(Class<P> type, boolean typing) {
        this.type = type;
        this.typing = typing;
    }

    @Override
    public Class<P> type() {
        return type;
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public void apply(Transaction txn, List<Received<P>> received, ReceivedBatch batch) {
        for (Received<P> r : received) {
            txn.attach(new TypingChangedEvent(r.sender(), typing));
        }
    }
}
