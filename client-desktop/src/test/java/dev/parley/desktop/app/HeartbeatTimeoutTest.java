package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.FrameCodec;
import dev.parley.desktop.event.ConnectionChangedEvent;
import dev.parley.desktop.event.SynchronousEventBus;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.desktop.service.connection.ConnectionSettings;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A relay that stops answering without closing anything (a profile reaches it through a TCP proxy that is paused).
 * Silent past the heartbeat's timeout: bob's heartbeat notices, he reconnects with backoff (rising attempt numbers
 * while it is still silent) and is back online, with what was sent meanwhile, once it answers again. Silent only past
 * the request timeout: a send is tried again on the same link ({@code SendRetries}), and the message is "sent"
 * without a new login (before, an unanswered send waited for the next login, "sending" for as long as the link
 * lived); bob stays offline there, so only the relay's answer, not a delivery receipt, can move the message on.
 */
class HeartbeatTimeoutTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();
    private PausableTcpProxy proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = new PausableTcpProxy(network.relay.port());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
    }

    @Test
    void aSilentRelayIsDetectedAndTheClientReconnectsWithBackoff() throws Exception {
        ParleyApp alice = network.register("alice");
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        ParleyApp bob = registerViaProxy(quickHeartbeat("bob"), states);
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "before the silence");
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        assertThat(Await.until(() -> bodies(bob).contains("before the silence"), WAIT)).isTrue();

        proxy.pause();
        states.clear();
        assertThat(Await.until(() -> attempts(states) >= 3, WAIT))
                .as("the heartbeat noticed and reconnect attempts keep failing while the relay is silent: %s", states).isTrue();
        assertThat(states).filteredOn(s -> s.status() == ConnectionStatus.RECONNECTING).first()
                .satisfies(s -> assertThat(s.lastError()).contains("relay stopped answering"))
                .satisfies(s -> assertThat(s.attempt()).isEqualTo(1));
        assertThat(states.stream().filter(s -> s.status() == ConnectionStatus.RECONNECTING).mapToInt(ConnectionState::attempt))
                .as("each failed attempt counts up (the delay grows with it)").isSorted();
        alice.messaging().send("bob", "during the silence");

        proxy.resume();
        assertThat(Await.until(() -> statusOf(bob) == ConnectionStatus.ONLINE, WAIT)).isTrue();
        assertThat(Await.until(() -> bodies(bob).contains("during the silence"), WAIT)).isTrue();
        assertThat(bob.connection().state().get().attempt()).isZero();
    }

    @Test
    void aSendAnsweredAfterItsTimeoutIsTriedAgainOnTheSameLink() throws Exception {
        network.register("bob").close();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        ParleyApp alice = registerViaProxy(shortRequestTimeout("alice"), states);
        alice.contacts().add("bob");
        alice.connection().start();
        Message before = alice.messaging().send("bob", "before the pause");
        assertThat(Await.until(() -> stateOf(alice, before) == MessageState.SENT, WAIT)).isTrue();

        states.clear();
        proxy.pause();
        Message during = alice.messaging().send("bob", "while the relay's answers are held");
        Thread.sleep(3_000);
        assertThat(stateOf(alice, during)).isEqualTo(MessageState.SENDING);
        proxy.resume();

        assertThat(Await.until(() -> stateOf(alice, during) == MessageState.SENT, WAIT))
                .as("sent on the same link, no new login").isTrue();
        assertThat(states).as("the link stayed up: %s", states)
                .noneMatch(s -> s.status() == ConnectionStatus.RECONNECTING || s.status() == ConnectionStatus.CONNECTING);
    }

    private static MessageState stateOf(ParleyApp app, Message sent) {
        try {
            return OfflinePickupTest.chronological(app, "bob").stream()
                    .filter(m -> m.messageId().equals(sent.messageId())).findFirst().orElseThrow().state();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Requests time out after 1 s; pings every 5 s and a link given up after 30 s without a pong (the defaults). */
    private AppConfig shortRequestTimeout(String name) {
        return network.config(name, new TyrusRelayConnector(FrameCodec.cbor(), Duration.ofSeconds(5), Duration.ofSeconds(1)),
                new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(20), 5));
    }

    /** A profile that reaches the relay through the proxy, created and registered; its connection states go to {@code states}. */
    private ParleyApp registerViaProxy(AppConfig config, List<ConnectionState> states) throws Exception {
        SynchronousEventBus events = new SynchronousEventBus();
        events.subscribe(ConnectionChangedEvent.class, e -> states.add(e.state()));
        ParleyApp app = network.track(ParleyApp.open(config, events));
        RelayAddress viaProxy = new RelayAddress(URI.create("ws://127.0.0.1:" + proxy.port() + "/parley"), Optional.empty());
        app.account().create(config.profile().value(), viaProxy, TestNetwork.PASSPHRASE.clone());
        app.account().register(Optional.empty());
        return app;
    }

    private static ConnectionStatus statusOf(ParleyApp app) {
        try {
            return app.connection().state().get().status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int attempts(List<ConnectionState> states) {
        return states.stream().filter(s -> s.status() == ConnectionStatus.RECONNECTING)
                .mapToInt(ConnectionState::attempt).max().orElse(0);
    }

    private static List<String> bodies(ParleyApp app) {
        try {
            return OfflinePickupTest.chronological(app, "alice").stream().map(Message::body).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Ping every 100 ms, give up on a link after 1 s without a pong, 1 s WebSocket handshakes, 100-800 ms backoff. */
    private AppConfig quickHeartbeat(String name) {
        return network.config(name, new TyrusRelayConnector(FrameCodec.cbor(), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new ConnectionSettings(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20), 5));
    }
}
