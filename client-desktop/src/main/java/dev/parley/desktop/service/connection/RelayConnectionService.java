package dev.parley.desktop.service.connection;

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
import dev.parley.desktop.service.ConnectionService;
import dev.parley.desktop.service.ServiceException;
import dev.parley.desktop.service.StorageFailureException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's link to its relay: connect, answer the login challenge, heartbeat, reconnect with backoff, pick up
 * the offline queue (each blob committed by the {@link InboundHandler} before it is acknowledged) and flush the
 * durable {@link Outbox} on every login.
 *
 * <p>Threads ({@link ConnectionThreads}): one control thread owns connecting, login ({@link LoginHandshake}), sending
 * ({@link OutboxSender}) and reconnect scheduling ({@link Reconnects}); one inbound thread processes deliveries in
 * relay order ({@link DeliveryDrain}); one background thread runs slow side jobs (prekey top-up). Each link's state is
 * a {@link RelayConnection}; its events are routed by a {@link LinkEventRouter}, and what the connection says as it
 * closes by {@link LastWords}.
 */
public final class RelayConnectionService implements ConnectionService, RelayGateway {
    private static final Logger LOG = LoggerFactory.getLogger(RelayConnectionService.class);

    private final RelayConnector connector;
    private final CredentialsSource credentials;
    private final Outbox outbox;
    private final PreKeyReplenisher replenisher;
    private final Clock clock;
    private final ConnectionSettings settings;
    private final ConnectionStateMachine machine = new ConnectionStateMachine();
    private final ConnectionThreads threads = new ConnectionThreads();
    private final ScheduledExecutorService control = threads.control;
    private final ScheduledExecutorService background = threads.background;
    private final DeliveryDrain drain;
    private final ConnectionWaits waits;
    private final OutboxSender sender;
    private final RelayConnection.Events linkEvents;
    private final MultiSender multiSender;
    private final Reconnects reconnects;

    private final LinkInbox linkInbox = new LinkInbox();
    private final LastWords lastWords = new LastWords(control, () -> this.current);
    private volatile Runnable unlinked = () -> { };
    private volatile RelayConnection current;
    private volatile boolean stopped = true;
    /**
     * Set by {@link #stop} (lock, quit), cleared by {@link #start}: a request then fails at once instead of waiting for
     * the connection, or starting it again, until someone starts it.
     */
    private volatile boolean halted;
    private volatile boolean wasUnlinked;

    public RelayConnectionService(RelayConnector connector, CredentialsSource credentials, InboundHandler inbound, Outbox outbox,
                                  PreKeyReplenisher replenisher, ReconnectPolicy policy, Clock clock, EventBus events,
                                  ConnectionSettings settings, RelayPinning pinning) {
        this.connector = connector;
        this.credentials = credentials;
        this.outbox = outbox;
        this.replenisher = replenisher;
        this.clock = clock;
        this.settings = settings;
        this.waits = new ConnectionWaits(() -> current, machine, settings, outbox, () -> wasUnlinked, () -> halted);
        this.drain = new DeliveryDrain(inbound, threads.inbound, c -> c == current, this::signal);
        this.sender = new OutboxSender(outbox, control, background, c -> c == current && c.online, this::signal);
        this.multiSender = new MultiSender(this::exchange, System::nanoTime, Thread::sleep, MULTI_SEND_RETRY_BUDGET);
        LoginHandshake login = new LoginHandshake(pinning, credentials, control, new LoginSession());
        this.reconnects = new Reconnects(policy, clock, machine, control, () -> stopped, this::connect);
        this.linkEvents = new LinkEventRouter(control, background, drain, replenisher, linkInbox, clock,
                login::onChallenge, this::onClosed);
        machine.state().addListener(state -> {
            events.publish(new ConnectionChangedEvent(state));
            signal();
        });
        control.scheduleWithFixedDelay(this::heartbeat, settings.heartbeat().toMillis(), settings.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() throws ServiceException {
        if (wasUnlinked) {
            throw new dev.parley.desktop.service.RelayRejectedException(
                    "this device was unlinked from its account; its account data was wiped");
        }
        credentials.credentials();
        halted = false;
        stopped = false;
        if (machine.transition(ConnectionStatus.DISCONNECTED, ConnectionState.of(ConnectionStatus.CONNECTING))) {
            control.execute(this::connect);
        }
    }

    @Override
    public void stop() {
        halted = true;
        stopped = true;
        signal();
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
        return waits.awaitDrained(timeout);
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
    public java.util.Optional<dev.parley.desktop.net.RelayAddress> relayAddress() throws ServiceException {
        return java.util.Optional.of(credentials.credentials().relay());
    }

    @Override
    public Response exchange(Request request) throws ServiceException {
        if (halted) {
            throw ConnectionWaits.halted();
        }
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
        return UnauthenticatedCall.call(connector, relay, answer);
    }

    @Override
    public java.util.Optional<byte[]> nextLinkMessage(Duration timeout) throws ServiceException {
        return linkInbox.next(timeout);
    }

    @Override
    public boolean linkPeerLeft(byte[] channel) {
        return linkInbox.peerLeft(channel);
    }

    @Override
    public JoiningLink openJoining(dev.parley.desktop.net.RelayAddress relay) throws ServiceException {
        return JoiningLink.open(connector, relay);
    }

    /**
     * Issue #17: what to do when the relay says this device was unlinked from its account ({@code DEVICE_UNLINKED}
     * at login): the connection stops for good and {@code listener} runs (once) on the control thread.
     */
    public void onDeviceUnlinked(Runnable listener) {
        this.unlinked = listener;
    }

    /** Whether the relay refused this device's login because it was unlinked. */
    public boolean wasUnlinked() {
        return wasUnlinked;
    }

    @Override
    public void close() {
        RelayConnection departing = lastWords.handOver(this::takeOnline);
        stop();
        threads.shutdownAndWait();
        lastWords.depart(departing);
    }

    /**
     * Presence "offline" to every contact as the profile locks or quits (issue #14), already encrypted, in waves: the
     * first at once on the online link, the others after it on the link that {@link #close} hands over
     * ({@link LastWords}).
     */
    public void sayOnClose(java.util.List<java.util.List<Outbox.Item>> waves, Duration interval) {
        lastWords.say(waves, interval);
    }

    /** On the control thread: the online link, taken from the service (which then closes no link); null if none. */
    private RelayConnection takeOnline() {
        RelayConnection c = current;
        if (c == null || !c.online) {
            return null;
        }
        current = null;
        return c;
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
            reconnects.schedule(ConnectionStatus.CONNECTING, "relay unreachable");
            return;
        }
        current = c;
        c.lastPong = clock.instant();
        if (!machine.transition(ConnectionStatus.CONNECTING, ConnectionState.of(ConnectionStatus.AUTHENTICATING))) {
            c.link.close();
        }
    }

    /** {@link LoginHandshake}'s way into this service's state, on the control thread. */
    private final class LoginSession implements LoginHandshake.Session {
        @Override
        public boolean isCurrent(RelayConnection c) {
            return c == current;
        }

        @Override
        public void online(RelayConnection c, int oneTimePreKeysRemaining) {
            c.online = true;
            reconnects.loggedIn();
            machine.transition(ConnectionStatus.AUTHENTICATING, ConnectionState.of(ConnectionStatus.ONLINE));
            LOG.info("online");
            // After every sign-in: the replenisher also rotates the signed and last-resort KEM prekeys when due.
            background.execute(() -> replenisher.replenish(oneTimePreKeysRemaining));
            sender.flush(c);
        }

        @Override
        public void stopForGood(RelayConnection c) {
            stopped = true;
            current = null;
            c.link.close();
            machine.stop();
        }

        @Override
        public void unlinked(RelayConnection c) {
            stopped = true;
            current = null;
            c.link.close();
            unlinked.run();
            wasUnlinked = true;
            machine.stop();
        }
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
        reconnects.schedule(machine.status(), why);
    }

    private void heartbeat() {
        RelayConnection c = current;
        if (c != null) {
            c.heartbeat(clock.instant(), settings.pongTimeout());
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private RelayConnection awaitOnline() throws ServiceException {
        return waits.awaitOnline();
    }

    private static Response successful(Response response) throws ServiceException {
        return RelayErrors.successful(response);
    }

    private void signal() {
        waits.signal();
    }

    static void run(ScheduledExecutorService executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("connection service is closed; dropping a relay event");
        }
    }
}
