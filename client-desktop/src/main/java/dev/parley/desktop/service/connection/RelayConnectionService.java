package dev.parley.desktop.service.connection;

import dev.parley.crypto.wire.AuthProof;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.desktop.event.ConnectionChangedEvent;
import dev.parley.desktop.event.EventBus;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStateMachine;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.ObservableValue;
import dev.parley.desktop.net.ReconnectPolicy;
import dev.parley.desktop.net.RelayConnector;
import dev.parley.desktop.net.RelayLink;
import dev.parley.desktop.net.RelayLinkListener;
import dev.parley.desktop.service.ConnectionService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's link to its relay: connect, answer the login challenge, heartbeat, reconnect with backoff, pick up
 * the offline queue (each blob committed by the {@link InboundHandler} before it is acknowledged) and flush the
 * durable {@link Outbox} on every login.
 *
 * <p>Threads: one control thread owns connecting, login, sending and reconnect scheduling; one inbound thread
 * processes deliveries in relay order; one background thread runs slow side jobs (prekey top-up).
 */
public final class RelayConnectionService implements ConnectionService, RelayGateway {
    private static final Logger LOG = LoggerFactory.getLogger(RelayConnectionService.class);
    /** Most deliveries committed in one transaction. */
    static final int DELIVERY_BATCH = 200;

    private final RelayConnector connector;
    private final CredentialsSource credentials;
    private final InboundHandler inbound;
    private final Outbox outbox;
    private final PreKeyReplenisher replenisher;
    private final ReconnectPolicy policy;
    private final Clock clock;
    private final ConnectionSettings settings;
    private final RelayPinning pinning;
    private final ConnectionStateMachine machine = new ConnectionStateMachine();
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(daemon("parley-relay-control"));
    private final ScheduledExecutorService inboundThread = Executors.newSingleThreadScheduledExecutor(daemon("parley-relay-inbound"));
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(daemon("parley-relay-background"));
    private final Object monitor = new Object();

    private volatile Connection current;
    private volatile boolean stopped = true;
    private int failedAttempts;

    public RelayConnectionService(RelayConnector connector, CredentialsSource credentials, InboundHandler inbound, Outbox outbox,
                                  PreKeyReplenisher replenisher, ReconnectPolicy policy, Clock clock, EventBus events,
                                  ConnectionSettings settings, RelayPinning pinning) {
        this.connector = connector;
        this.credentials = credentials;
        this.inbound = inbound;
        this.outbox = outbox;
        this.replenisher = replenisher;
        this.policy = policy;
        this.clock = clock;
        this.settings = settings;
        this.pinning = pinning;
        machine.state().addListener(state -> {
            events.publish(new ConnectionChangedEvent(state));
            signal();
        });
        control.scheduleWithFixedDelay(this::heartbeat, settings.heartbeat().toMillis(), settings.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() throws ServiceException {
        credentials.credentials();
        stopped = false;
        if (machine.transition(ConnectionStatus.DISCONNECTED, ConnectionState.of(ConnectionStatus.CONNECTING))) {
            control.execute(this::connect);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        control.execute(() -> {
            Connection c = current;
            current = null;
            if (c != null) {
                c.link.close();
            }
        });
        machine.stop();
    }

    @Override
    public ObservableValue<ConnectionState> state() {
        return machine.state();
    }

    @Override
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                if (isDrained()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 250)));
            }
        }
    }

    /** Queues a freshly committed outbox item for sending now if online; otherwise the next login flushes it. */
    public void submit(Outbox.Item item) {
        run(control, () -> {
            Connection c = current;
            if (c != null && c.online) {
                send(c, item);
            }
        });
    }

    @Override
    public Response call(Request request) throws ServiceException {
        if (stopped) {
            start();
        }
        Connection c = awaitOnline();
        try {
            return successful(c.link.request(request).get(c.link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.parley.desktop.service.RelayUnreachableException("interrupted while waiting for the relay", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new dev.parley.desktop.service.RelayUnreachableException("relay unreachable: it did not answer", e);
        }
    }

    @Override
    public Response callUnauthenticated(dev.parley.desktop.net.RelayAddress relay, ChallengeAnswer answer)
            throws ServiceException {
        java.util.concurrent.CompletableFuture<Push.Challenge> challenge = new java.util.concurrent.CompletableFuture<>();
        RelayLinkListener ignoring = new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                if (push instanceof Push.Challenge first) {
                    challenge.complete(first);
                    return;
                }
                LOG.trace("ignoring {} on a registration link", push.getClass().getSimpleName());
            }

            @Override
            public void onClosed(String reason) {
                LOG.debug("registration link closed");
                challenge.completeExceptionally(new dev.parley.desktop.net.RelayLinkClosedException(reason));
            }
        };
        try (RelayLink link = connector.connect(relay, ignoring)) {
            Request request;
            try {
                request = answer.answer(challenge.get(link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() != null && RelayLink.VERSION_MISMATCH.equals(e.getCause().getMessage())) {
                    throw new dev.parley.desktop.service.RelayRejectedException(RelayLink.VERSION_MISMATCH);
                }
                throw e;
            }
            return successful(link.request(request).get(link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new dev.parley.desktop.service.RelayUnreachableException("cannot reach the relay: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.parley.desktop.service.RelayUnreachableException("interrupted while waiting for the relay", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new dev.parley.desktop.service.RelayUnreachableException("relay unreachable: it did not answer", e);
        }
    }

    @Override
    public void close() {
        stop();
        control.shutdown();
        inboundThread.shutdown();
        background.shutdown();
        try {
            if (!inboundThread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("inbound processing did not finish within 10 s");
            }
            control.awaitTermination(5, TimeUnit.SECONDS);
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------- control thread

    private void connect() {
        if (stopped) {
            return;
        }
        RelayCredentials creds;
        try {
            creds = credentials.credentials();
        } catch (ServiceException e) {
            LOG.warn("cannot connect: {}", e.getMessage());
            machine.stop();
            return;
        }
        Connection c = new Connection(creds);
        try {
            c.link = connector.connect(creds.relay(), c);
        } catch (IOException e) {
            LOG.info("relay unreachable: {}", e.getMessage());
            scheduleReconnect(ConnectionStatus.CONNECTING, "relay unreachable");
            return;
        }
        current = c;
        c.lastPong = clock.instant();
        if (!machine.transition(ConnectionStatus.CONNECTING, ConnectionState.of(ConnectionStatus.AUTHENTICATING))) {
            c.link.close();
        }
    }

    private void onChallenge(Connection c, Push.Challenge challenge) {
        if (c != current || c.online) {
            return;
        }
        try {
            pinning.check(challenge);
        } catch (ServiceException e) {
            LOG.warn("not logging in: {}", e.getMessage());
            stopped = true;
            current = null;
            c.link.close();
            machine.stop();
            return;
        }
        byte[] signature = c.credentials.signer().sign(AuthProof.signedMessage(challenge.relayId(), challenge.nonce(),
                c.credentials.username(), c.credentials.channel()));
        c.link.request(new Request.Authenticate(c.credentials.username(), signature))
                .whenCompleteAsync((response, error) -> onAuthResult(c, response, error), control);
    }

    private void onAuthResult(Connection c, Response response, Throwable error) {
        if (c != current) {
            return;
        }
        if (error != null) {
            LOG.info("login did not complete: {}", error.getClass().getSimpleName());
            return;
        }
        if (response instanceof Response.Authenticated) {
            try {
                pinning.certificateIssued(((Response.Authenticated) response).senderCertificate(),
                        c.credentials.username(), c.credentials.identity());
            } catch (ServiceException e) {
                LOG.warn("not going online: {}", e.getMessage());
                c.link.close();
                return;
            }
            c.online = true;
            failedAttempts = 0;
            machine.transition(ConnectionStatus.AUTHENTICATING, ConnectionState.of(ConnectionStatus.ONLINE));
            LOG.info("online");
            int remaining = ((Response.Authenticated) response).oneTimePreKeysRemaining();
            if (remaining < settings.preKeyLowWater()) {
                background.execute(() -> replenisher.replenish(remaining));
            }
            flushOutbox(c);
            return;
        }
        Response.ErrorResponse err = (Response.ErrorResponse) response;
        if (err.code() == dev.parley.crypto.wire.ErrorCode.CHALLENGE_EXPIRED) {
            LOG.info("login challenge expired; answering the fresh one");
            return;
        }
        LOG.warn("the relay refused the login: {}", err.code());
        c.link.close();
    }

    private void flushOutbox(Connection c) {
        List<Outbox.Item> items;
        try {
            items = outbox.pending();
        } catch (StorageFailureException e) {
            LOG.error("cannot read the outbox", e);
            return;
        }
        if (!items.isEmpty()) {
            LOG.info("resending {} queued messages", items.size());
        }
        c.batchFull = items.size() >= Outbox.BATCH;
        for (Outbox.Item item : items) {
            send(c, item);
        }
    }

    private void send(Connection c, Outbox.Item item) {
        if (item.ephemeral()) {
            c.link.request(new Request.SendEphemeral(item.recipient(), item.blob()));
            return;
        }
        c.inFlight.incrementAndGet();
        c.link.request(new Request.Send(item.recipient(), item.clientMessageId(), item.blob()))
                .whenCompleteAsync((response, error) -> onSendResult(c, item, response, error), control);
    }

    private void onSendResult(Connection c, Outbox.Item item, Response response, Throwable error) {
        try {
            if (error != null) {
                LOG.debug("send not confirmed; it stays in the outbox", error);
            } else if (response instanceof Response.SendAccepted) {
                outbox.accepted(item);
            } else if (response instanceof Response.ErrorResponse) {
                Response.ErrorResponse err = (Response.ErrorResponse) response;
                switch (err.code()) {
                    case UNKNOWN_USER:
                    case INVALID_FIELD:
                    case FRAME_TOO_LARGE:
                        outbox.rejected(item, "relay refused: " + err.code());
                        break;
                    case QUEUE_FULL:
                    case RATE_LIMITED:
                        long delay = Math.max(100, err.retryAfterMillis());
                        control.schedule(() -> {
                            if (c == current && c.online) {
                                send(c, item);
                            }
                        }, delay, TimeUnit.MILLISECONDS);
                        break;
                    default:
                        LOG.info("send refused with {}; it stays in the outbox", err.code());
                }
            }
        } catch (StorageFailureException e) {
            LOG.error("cannot record the relay's answer to a send", e);
        } finally {
            if (c.inFlight.decrementAndGet() == 0 && c.batchFull && c == current && c.online) {
                flushOutbox(c);
            }
            signal();
        }
    }

    private void onClosed(Connection c, String reason) {
        if (c != current) {
            return;
        }
        current = null;
        if (stopped) {
            return;
        }
        if (RelayLink.VERSION_MISMATCH.equals(reason)) {
            LOG.warn("{}; not reconnecting", reason);
            stopped = true;
            machine.stop();
            return;
        }
        String why = c.silenced ? "relay stopped answering" : reason;
        LOG.info("relay link lost: {}", why);
        scheduleReconnect(machine.status(), why);
    }

    private void scheduleReconnect(ConnectionStatus from, String reason) {
        if (stopped || from == ConnectionStatus.DISCONNECTED || from == ConnectionStatus.RECONNECTING) {
            return;
        }
        failedAttempts++;
        Duration delay = policy.delayBeforeAttempt(failedAttempts);
        Instant next = clock.instant().plus(delay);
        if (machine.transition(from, ConnectionState.reconnecting(failedAttempts, next, reason))) {
            control.schedule(() -> {
                if (!stopped && machine.transition(ConnectionStatus.RECONNECTING, ConnectionState.of(ConnectionStatus.CONNECTING))) {
                    connect();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void heartbeat() {
        Connection c = current;
        if (c == null || !c.online) {
            return;
        }
        if (Duration.between(c.lastPong, clock.instant()).compareTo(settings.pongTimeout()) > 0) {
            LOG.info("relay stopped answering pings; reconnecting");
            c.silenced = true;
            c.link.close();
            return;
        }
        c.link.ping();
    }

    // ---------------------------------------------------------------------------------------------- inbound thread

    /**
     * Takes every delivery queued so far (up to a batch), commits them through the handler, then acknowledges each one
     * whose outcome allows it; the others stay on the relay and come again on the next login.
     */
    private void drainDeliveries(Connection c) {
        if (c != current) {
            c.deliveries.clear();
            return;
        }
        c.pickupStarted();
        List<InboundHandler.Delivery> batch = new java.util.ArrayList<>();
        List<InboundHandler.Outcome> outcomes;
        InboundHandler.Delivery next;
        while (batch.size() < DELIVERY_BATCH && (next = c.deliveries.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            outcomes = inbound.onDeliveries(batch);
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("the handler returned " + outcomes.size() + " outcomes for "
                        + batch.size() + " deliveries");
            }
            LOG.trace("stored a batch of {} deliveries: {}", batch.size(), outcomes);
        } catch (StorageFailureException e) {
            LOG.error("could not store incoming messages; they stay on the relay", e);
            c.deliveries.clear();
            c.link.close();
            return;
        } catch (RuntimeException e) {
            LOG.error("incoming message handler failed; the messages stay on the relay", e);
            c.deliveries.clear();
            c.link.close();
            return;
        }
        int unconfirmed = 0;
        List<Request.Ack> acks = new java.util.ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i).acknowledge()) {
                acks.add(new Request.Ack(batch.get(i).relayMessageId()));
            } else {
                unconfirmed++;
            }
        }
        c.pendingAcks.addAndGet(acks.size());
        List<java.util.concurrent.CompletableFuture<Response>> sent = acks.isEmpty() ? List.of() : c.link.requestAll(acks);
        for (java.util.concurrent.CompletableFuture<Response> ack : sent) {
            ack.whenComplete((response, error) -> {
                if (error != null || !(response instanceof Response.Ok)) {
                    LOG.debug("ack not confirmed; the relay will redeliver and the dedupe absorbs it");
                }
                c.pendingAcks.decrementAndGet();
                signal();
            });
        }
        if (unconfirmed > 0) {
            LOG.warn("left {} deliveries unacknowledged on the relay: their message keys were already used, but no stored "
                    + "message records them", unconfirmed);
        }
        if (!c.deliveries.isEmpty()) {
            run(inboundThread, () -> drainDeliveries(c));
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private boolean isDrained() {
        Connection c = current;
        if (c == null || !c.online || !c.queueEmpty || c.pendingAcks.get() > 0 || c.inFlight.get() > 0) {
            return false;
        }
        try {
            return outbox.pending().stream().allMatch(Outbox.Item::ephemeral);
        } catch (StorageFailureException e) {
            LOG.warn("cannot read the outbox", e);
            return false;
        }
    }

    private Connection awaitOnline() throws ServiceException {
        long deadline = System.nanoTime() + settings.onlineWait().toNanos();
        synchronized (monitor) {
            while (true) {
                Connection c = current;
                if (c != null && c.online && machine.status() == ConnectionStatus.ONLINE) {
                    return c;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new dev.parley.desktop.service.RelayUnreachableException("the relay is unreachable ("
                            + machine.state().get().lastError().orElse(machine.status().name().toLowerCase(java.util.Locale.ROOT)) + ")");
                }
                try {
                    monitor.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 250)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.parley.desktop.service.RelayUnreachableException("interrupted while waiting for the relay", e);
                }
            }
        }
    }

    private static Response successful(Response response) throws ServiceException {
        if (response instanceof Response.ErrorResponse) {
            throw RelayErrors.toException((Response.ErrorResponse) response);
        }
        return response;
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private static void run(ScheduledExecutorService executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("connection service is closed; dropping a relay event");
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One link's worth of state; stale callbacks from an older link compare against {@link #current} and stop. */
    private final class Connection implements RelayLinkListener {
        final RelayCredentials credentials;
        final AtomicInteger pendingAcks = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final java.util.concurrent.ConcurrentLinkedQueue<InboundHandler.Delivery> deliveries =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        volatile RelayLink link;
        volatile boolean online;
        volatile boolean queueEmpty;
        volatile boolean batchFull;
        /** Closed by the heartbeat because no pong came within the timeout. */
        volatile boolean silenced;
        /** Inbound thread only: whether the handler heard {@code onPickupStarted} for this login. */
        private boolean pickupAnnounced;
        volatile Instant lastPong;

        Connection(RelayCredentials credentials) {
            this.credentials = credentials;
        }

        /**
         * Inbound thread only: announces this login's pickup to the handler before its first delivery or queue-empty
         * signal. Done here rather than when the login answer arrives, because the relay may send that answer, the
         * queued deliveries and queue-empty in one WebSocket message, and the answer is handled on another thread.
         */
        void pickupStarted() {
            if (!pickupAnnounced) {
                pickupAnnounced = true;
                inbound.onPickupStarted();
            }
        }

        @Override
        public void onPush(Push push) {
            if (push instanceof Push.Challenge) {
                run(control, () -> onChallenge(this, (Push.Challenge) push));
            } else if (push instanceof Push.Deliver) {
                Push.Deliver deliver = (Push.Deliver) push;
                deliveries.add(new InboundHandler.Delivery(deliver.messageId(), deliver.receivedAtMillis(), deliver.blob()));
                run(inboundThread, () -> drainDeliveries(this));
            } else if (push instanceof Push.QueueEmpty) {
                run(inboundThread, () -> {
                    pickupStarted();
                    inbound.onQueueDrained();
                    queueEmpty = true;
                    signal();
                });
            } else if (push instanceof Push.PreKeysLow) {
                int remaining = ((Push.PreKeysLow) push).remaining();
                run(background, () -> replenisher.replenish(remaining));
            } else if (push instanceof Push.Ephemeral) {
                byte[] blob = ((Push.Ephemeral) push).blob();
                run(inboundThread, () -> inbound.onEphemeral(blob));
            }
        }

        @Override
        public void onPong() {
            lastPong = clock.instant();
        }

        @Override
        public void onClosed(String reason) {
            run(control, () -> RelayConnectionService.this.onClosed(this, reason));
        }
    }
}
