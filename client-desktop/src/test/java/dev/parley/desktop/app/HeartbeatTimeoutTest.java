package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.primitives.Argon2Params;
import dev.parley.crypto.wire.FrameCodec;
import dev.parley.desktop.event.ConnectionChangedEvent;
import dev.parley.desktop.event.SynchronousEventBus;
import dev.parley.desktop.net.ConnectionState;
import dev.parley.desktop.net.ConnectionStatus;
import dev.parley.desktop.net.ExponentialBackoff;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.net.TyrusRelayConnector;
import dev.parley.desktop.profile.AppDirectories;
import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.connection.ConnectionSettings;
import dev.parley.desktop.storage.Message;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A relay that stops answering without closing anything (bob reaches it through a TCP proxy that is paused): bob's
 * heartbeat notices, he reconnects with backoff (rising attempt numbers while it is still silent) and is back online,
 * with what was sent meanwhile, once it answers again.
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
        SynchronousEventBus events = new SynchronousEventBus();
        events.subscribe(ConnectionChangedEvent.class, e -> states.add(e.state()));
        ParleyApp bob = network.track(ParleyApp.open(quickHeartbeat("bob"), events));
        RelayAddress viaProxy = new RelayAddress(URI.create("ws://127.0.0.1:" + proxy.port() + "/parley"), Optional.empty());
        bob.account().create("bob", viaProxy, TestNetwork.PASSPHRASE.clone());
        bob.account().register(Optional.empty());
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
        return new AppConfig(new AppDirectories(network.root.resolve("data-" + name).toAbsolutePath()), new ProfileName(name),
                TestNetwork.CRYPTO, TestNetwork.CRYPTO.random(), Clock.systemUTC(), new Argon2Params(1024, 1, 1),
                new TyrusRelayConnector(FrameCodec.cbor(), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new ExponentialBackoff(Duration.ofMillis(100), Duration.ofMillis(800), TestNetwork.CRYPTO.random()),
                new ConnectionSettings(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20), 5), 20,
                UnaryOperator.identity());
    }
}
