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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's link to its relay: connect, answer the login challenge, heartbeat, reconnect with backoff, pick up
 * the offline queue (each blob committed by the {@link InboundHandler} before it is acknowledged) and flush the
 * durable {@link Outbox} on every login.
 *
 * <p>Threads: one control thread owns connecting, login, sending ({@link OutboxSender}) and reconnect scheduling; one
 * inbound thread processes deliveries in relay order ({@link DeliveryDrain}); one background thread runs slow side
 * jobs (prekey top-up). Each link's state is a {@link RelayConnection}.
 */
public final class RelayConnectionService implements ConnectionService, RelayGateway {
    private static final Logger LOG = LoggerFactory.getLogger(RelayConnectionService.class);

    private final RelayConnector connector;
    private final CredentialsSource credentials;
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
    private final DeliveryDrain drain;
    private final OutboxSender sender;
    private final RelayConnection.Events linkEvents = new LinkEvents();
    private final MultiSender multiSender;

    private volatile RelayConnection current;
    private volatile boolean stopped = true;
    private int failedAttempts;

    public RelayConnectionService(RelayConnector connector, CredentialsSource credentials, InboundHandler inbound, Outbox outbox,
                                  PreKeyReplenisher replenisher, ReconnectPolicy policy, Clock clock, EventBus events,
                                  ConnectionSettings settings, RelayPinning pinning) {
        this.connector = connector;
        this.credentials = credentials;
        this.outbox = outbox;
        this.replenisher = replenisher;
        this.policy = policy;
        this.clock = clock;
        this.settings = settings;
        this.pinning = pinning;
        this.drain = new DeliveryDrain(inbound, inboundThread, c -> c == current, this::signal);
        this.sender = new OutboxSender(outbox, control, c -> c == current && c.online, this::signal);
        this.multiSender = new MultiSender(this::exchange, System::nanoTime, Thread::sleep, MULTI_SEND_RETRY_BUDGET);
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
            RelayConnection c = current;
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
        submitAll(java.util.List.of(item));
    }

    /**
     * Queues outbox items committed together, in order (a group message's sender keys, then its one multi-recipient
     * upload: {@link OutboxSender#sendAll}), for sending now if online; otherwise the next login flushes them.
     */
    public void submitAll(java.util.List<Outbox.Item> items) {
        run(control, () -> {
            RelayConnection c = current;
            if (c != null && c.online) {
                sender.sendAll(c, items);
            }
        });
    }

    @Override
    public Response call(Request request) throws ServiceException {
        return successful(exchange(request));
    }

    @Override
    public Response exchange(Request request) throws ServiceException {
        if (stopped) {
            start();
        }
        RelayConnection c = awaitOnline();
        try {
            return c.link.request(request).get(c.link.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.parley.desktop.service.RelayUnreachableException("interrupted while waiting for the relay", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new dev.parley.desktop.service.RelayUnreachableException("relay unreachable: it did not answer", e);
        }
    }

    @Override
    public java.util.List<Response.RecipientOutcome> sendMulti(java.util.List<Request.MultiRecipient> recipients, byte[] body)
            throws ServiceException {
        return multiSender.send(recipients, body);
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
        RelayConnection c = new RelayConnection(creds, linkEvents);
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

    private void onChallenge(RelayConnection c, Push.Challenge challenge) {
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

    private void onAuthResult(RelayConnection c, Response response, Throwable error) {
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
            // After every sign-in: the replenisher also rotates the signed and last-resort KEM prekeys when due.
            background.execute(() -> replenisher.replenish(remaining));
            sender.flush(c);
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

    private void onClosed(RelayConnection c, String reason) {
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
        RelayConnection c = current;
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

    // ---------------------------------------------------------------------------------------------- helpers

    private boolean isDrained() {
        RelayConnection c = current;
        if (c == null || !c.online || c.failed || !c.queueEmpty || c.pendingAcks.get() > 0 || c.inFlight.get() > 0) {
            return false;
        }
        try {
            return outbox.pending().stream().allMatch(Outbox.Item::ephemeral);
        } catch (StorageFailureException e) {
            LOG.warn("cannot read the outbox", e);
            return false;
        }
    }

    private RelayConnection awaitOnline() throws ServiceException {
        long deadline = System.nanoTime() + settings.onlineWait().toNanos();
        synchronized (monitor) {
            while (true) {
                RelayConnection c = current;
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

    static void run(ScheduledExecutorService executor, Runnable task) {
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

    /** A connection's link events: the control thread handles the login, the inbound thread the deliveries. */
    private final class LinkEvents implements RelayConnection.Events {
        @Override
        public void onPush(RelayConnection c, Push push) {
            if (push instanceof Push.Challenge challenge) {
                run(control, () -> onChallenge(c, challenge));
            } else if (push instanceof Push.Deliver deliver) {
                drain.delivered(c, new InboundHandler.Delivery(deliver.messageId(), deliver.receivedAtMillis(), deliver.blob()));
            } else if (push instanceof Push.QueueEmpty) {
                drain.queueEmpty(c);
            } else if (push instanceof Push.PreKeysLow low) {
                int remaining = low.remaining();
                run(background, () -> replenisher.replenish(remaining));
            } else if (push instanceof Push.Ephemeral ephemeral) {
                drain.ephemeral(ephemeral.blob());
            }
        }

        @Override
        public void onPong(RelayConnection c) {
            c.lastPong = clock.instant();
        }

        @Override
        public void onClosed(RelayConnection c, String reason) {
            run(control, () -> RelayConnectionService.this.onClosed(c, reason));
        }
    }
}
