package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.Push;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

/**
 * Where a connection's link events go (they arrive on Tyrus threads): the login challenge and the link's end to the
 * connection service's control thread, deliveries to the inbound thread ({@link DeliveryDrain}), a low prekey count
 * to the background thread, linking messages to the {@link LinkInbox}; a pong is noted on the connection.
 */
final class LinkEventRouter implements RelayConnection.Events {
    private final ScheduledExecutorService control;
    private final ScheduledExecutorService background;
    private final DeliveryDrain drain;
    private final PreKeyReplenisher replenisher;
    private final LinkInbox linkInbox;
    private final Clock clock;
    private final BiConsumer<RelayConnection, Push.Challenge> onChallenge;
    private final BiConsumer<RelayConnection, String> onClosed;

    LinkEventRouter(ScheduledExecutorService control, ScheduledExecutorService background, DeliveryDrain drain,
                    PreKeyReplenisher replenisher, LinkInbox linkInbox, Clock clock,
                    BiConsumer<RelayConnection, Push.Challenge> onChallenge,
                    BiConsumer<RelayConnection, String> onClosed) {
        this.control = control;
        this.background = background;
        this.drain = drain;
        this.replenisher = replenisher;
        this.linkInbox = linkInbox;
        this.clock = clock;
        this.onChallenge = onChallenge;
        this.onClosed = onClosed;
    }

    @Override
    public void onPush(RelayConnection c, Push push) {
        if (push instanceof Push.Challenge challenge) {
            RelayConnectionService.run(control, () -> onChallenge.accept(c, challenge));
        } else if (push instanceof Push.Deliver deliver) {
            drain.delivered(c, new InboundHandler.Delivery(deliver.messageId(), deliver.receivedAtMillis(),
                    deliver.blob()));
        } else if (push instanceof Push.QueueEmpty) {
            drain.queueEmpty(c);
        } else if (push instanceof Push.PreKeysLow low) {
            int remaining = low.remaining();
            RelayConnectionService.run(background, () -> replenisher.replenish(remaining));
        } else if (push instanceof Push.Ephemeral ephemeral) {
            drain.ephemeral(ephemeral.blob());
        } else {
            linkInbox.received(push);
        }
    }

    @Override
    public void onPong(RelayConnection c) {
        c.lastPong = clock.instant();
    }

    @Override
    public void onClosed(RelayConnection c, String reason) {
        RelayConnectionService.run(control, () -> onClosed.accept(c, reason));
    }
}
