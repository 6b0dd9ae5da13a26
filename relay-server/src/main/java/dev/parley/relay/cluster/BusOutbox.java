package dev.parley.relay.cluster;

import dev.parley.crypto.wire.FlushScope;
import dev.parley.relay.core.BusMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Messages for one other node. Like a connection's frames ({@link FlushScope}), messages sent while the relay handles
 * one incoming WebSocket message (a client's batch of sends, or of acknowledgements) wait for the end of that handling
 * and leave as one bus message ({@link BusMessage.Batch}), so a batch of sends to users on another node costs one
 * publish, and the other node handles them together (its deliveries to one connection coalesced in turn). Outside a
 * scope a message leaves at once, on its own. Never delays anything past the end of the work that produced it.
 */
final class BusOutbox implements FlushScope.Flushable {
    /** At most this many messages per publish (a bound on one bus message's size). */
    static final int MAX_BATCH = 256;

    private final Consumer<BusMessage> publish;
    private final List<BusMessage> waiting = new ArrayList<>();

    /** @param publish publishes one bus message to the node (in call order; never blocks) */
    BusOutbox(Consumer<BusMessage> publish) {
        this.publish = publish;
    }

    void send(BusMessage message) {
        synchronized (this) {
            waiting.add(message);
        }
        if (!FlushScope.defer(this)) {
            flush();
        }
    }

    /** Publishes everything waiting, in order; a lone message as itself, several as batches. */
    @Override
    public synchronized void flush() {
        for (int from = 0; from < waiting.size(); from += MAX_BATCH) {
            List<BusMessage> part = waiting.subList(from, Math.min(waiting.size(), from + MAX_BATCH));
            publish.accept(part.size() == 1 ? part.get(0) : new BusMessage.Batch(List.copyOf(part)));
        }
        waiting.clear();
    }
}
