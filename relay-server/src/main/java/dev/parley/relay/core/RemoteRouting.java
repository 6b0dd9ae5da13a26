package dev.parley.relay.core;

import dev.parley.crypto.wire.Envelope;
import dev.parley.crypto.wire.Push;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster bus seen from one node: one connection per account cluster-wide (signing in claims the account and
 * closes the connection another node had), the direct path across nodes (a send for a user served by another node is
 * pushed through that node, which answers once the recipient acknowledges it or once it is stored after the grace
 * period, the same rule as on one node) and ephemeral frames to users on other nodes.
 *
 * <p>If the other node does not answer in time (it died, or the bus lost the message), this node stores the blob
 * itself: the store's idempotency (recipient, client message id) makes that safe even when the other node stored it
 * too. Without a bus, or while it is down, nothing is forwarded and every send for a user elsewhere is stored.
 */
final class RemoteRouting {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteRouting.class);

    private final Optional<ClusterBus> bus;
    private final ConnectionRegistry registry;
    private final DirectDelivery direct;
    private final StoresInFlight storesInFlight;
    private final RelayMetrics metrics;
    private final ScheduledExecutorService timers;
    private final long answerTimeoutMillis;
    private final AtomicLong tokens = new AtomicLong();
    private final Map<Long, Forwarded> forwarded = new ConcurrentHashMap<>();
    /** When each local connection signed in (wall clock), to tell a stale displacement from a current one. */
    private final Map<ClientConnection, Long> signedInAt = new ConcurrentHashMap<>();
    private final LongAdder pushedAcross = new LongAdder();

    /** A send forwarded to another node and not answered yet; {@code fallback} stores it here. */
    private record Forwarded(String recipient, SendReply reply, Runnable fallback) {
    }

    RemoteRouting(Optional<ClusterBus> bus, ConnectionRegistry registry, DirectDelivery direct,
                  StoresInFlight storesInFlight, RelayMetrics metrics, ScheduledExecutorService timers, Duration grace) {
        this.bus = bus;
        this.registry = registry;
        this.direct = direct;
        this.storesInFlight = storesInFlight;
        this.metrics = metrics;
        this.timers = timers;
        // The other node answers after the acknowledgement or after its grace period plus the store.
        this.answerTimeoutMillis = 2 * grace.toMillis() + 2_000;
        bus.ifPresent(b -> b.onMessage(this::received));
    }

    boolean busUp() {
        return bus.map(ClusterBus::up).orElse(false);
    }

    boolean hasBus() {
        return bus.isPresent();
    }

    long busLatencyMicros() {
        return bus.map(ClusterBus::latencyMicros).orElse(-1L);
    }

    long pushedAcross() {
        return pushedAcross.sum();
    }

    /** A connection signed in as {@code username} here: claims the account and displaces the connection elsewhere. */
    void signedIn(String username, ClientConnection connection, long nowMillis) {
        if (bus.isEmpty()) {
            return;
        }
        signedInAt.put(connection, nowMillis);
        bus.get().claim(username).ifPresent(previous ->
                bus.get().send(previous, new BusMessage.Displace(username, nowMillis)));
    }

    /**
     * A device was unlinked here: its connection on another node, if it has one, is closed (with 4001; its next
     * login is refused with {@code DEVICE_UNLINKED}).
     */
    void unlinked(String address, long nowMillis) {
        if (bus.isEmpty() || !bus.get().up()) {
            return;
        }
        bus.get().locate(address).filter(node -> !node.equals(bus.get().nodeId()))
                .ifPresent(node -> bus.get().send(node, new BusMessage.Displace(address, nowMillis)));
    }

    /** The user's connection here closed. */
    void signedOut(String username, ClientConnection connection) {
        if (bus.isEmpty()) {
            return;
        }
        signedInAt.remove(connection);
        if (registry.find(username) == null) {
            bus.get().release(username);
        }
    }

    /**
     * Forwards a send to the node serving the recipient, if another node does.
     *
     * @return false when nothing was forwarded (no bus, bus down, recipient not connected elsewhere): the caller stores
     */
    boolean forward(String recipient, byte[] clientMessageId, byte[] blob, Instant receivedAt, SendReply reply,
                    Runnable fallback) {
        if (bus.isEmpty() || !bus.get().up()) {
            return false;
        }
        Optional<String> node = bus.get().locate(recipient);
        if (node.isEmpty() || node.get().equals(bus.get().nodeId())) {
            return false;
        }
        long token = tokens.incrementAndGet();
        forwarded.put(token, new Forwarded(recipient, reply, fallback));
        if (!bus.get().send(node.get(), new BusMessage.Direct(bus.get().nodeId(), token, recipient, clientMessageId,
                blob, receivedAt.toEpochMilli()))) {
            forwarded.remove(token);
            return false;
        }
        timers.schedule(() -> {
            Forwarded late = forwarded.remove(token);
            if (late != null) {
                LOG.info("event=forward_unanswered action=store");
                bus.ifPresent(b -> b.forget(recipient));
                late.fallback().run();
            }
        }, answerTimeoutMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Sends an ephemeral blob to the node serving the user. @return false when the user is not served elsewhere */
    boolean forwardEphemeral(String username, byte[] blob) {
        if (bus.isEmpty() || !bus.get().up()) {
            return false;
        }
        Optional<String> node = bus.get().locate(username);
        return node.isPresent() && !node.get().equals(bus.get().nodeId())
                && bus.get().send(node.get(), new BusMessage.Ephemeral(username, blob));
    }

    private void received(BusMessage message) {
        if (message instanceof BusMessage.Displace displace) {
            ClientConnection local = registry.find(displace.username());
            Long since = local == null ? null : signedInAt.get(local);
            if (local != null && since != null && since <= displace.claimedAtMillis()) {
                local.sink().close(RelayService.CLOSE_DISPLACED, "signed in on another connection");
            }
        } else if (message instanceof BusMessage.Direct push) {
            pushHere(push);
        } else if (message instanceof BusMessage.DirectAnswer answer) {
            answered(answer);
        } else if (message instanceof BusMessage.Ephemeral ephemeral) {
            ClientConnection local = registry.find(ephemeral.username());
            if (local != null && local.device() != null) {
                local.sink().send(Envelope.push(new Push.Ephemeral(ephemeral.blob())));
                metrics.ephemeral();
            }
        }
    }

    /** Another node's send for a user served here: pushed directly when possible, answered either way. */
    private void pushHere(BusMessage.Direct push) {
        ClientConnection local = registry.find(push.username());
        DeviceConnection device = local == null ? null : local.device();
        SendReply answer = new SendReply() {
            @Override
            public void accepted(boolean duplicate) {
                reply(push, duplicate ? BusMessage.Outcome.DUPLICATE : BusMessage.Outcome.ACCEPTED);
            }

            @Override
            public void queueFull() {
                reply(push, BusMessage.Outcome.QUEUE_FULL);
            }

            @Override
            public void failed(Throwable error) {
                LOG.error("Storing a blob forwarded by another node failed", error);
                reply(push, BusMessage.Outcome.FAILED);
            }
        };
        if (device != null && direct.enabled() && storesInFlight.none(push.username())
                && direct.tryDeliver(device, push.clientMessageId(), push.blob(),
                        Instant.ofEpochMilli(push.receivedAtMillis()), answer)) {
            pushedAcross.increment();
            return;
        }
        reply(push, BusMessage.Outcome.NOT_DELIVERED);
    }

    private void reply(BusMessage.Direct push, BusMessage.Outcome outcome) {
        bus.ifPresent(b -> b.send(push.fromNode(), new BusMessage.DirectAnswer(push.token(), outcome)));
    }

    private void answered(BusMessage.DirectAnswer answer) {
        Forwarded pending = forwarded.remove(answer.token());
        if (pending == null) {
            return; // answered too late: this node already stored it
        }
        switch (answer.outcome()) {
            case ACCEPTED -> pending.reply().accepted(false); // counted as routed on the recipient's node
            case DUPLICATE -> pending.reply().accepted(true);
            case QUEUE_FULL -> pending.reply().queueFull();
            case FAILED, NOT_DELIVERED -> {
                bus.ifPresent(b -> b.forget(pending.recipient()));
                pending.fallback().run();
            }
            default -> throw new IllegalStateException("unknown outcome");
        }
    }
}
