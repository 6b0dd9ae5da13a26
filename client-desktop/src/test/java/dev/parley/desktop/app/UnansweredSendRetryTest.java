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
import dev.parley.desktop.storage.MessageState;
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
 * A relay that answers a send later than the client's request timeout while the link stays up (alice reaches it
 * through a TCP proxy paused for three of her one-second request timeouts, well inside her heartbeat's): the send is
 * tried again on the same link, and the message is "sent" without a new login. Before, an unanswered send stayed in
 * the outbox until the next login, "sending" for as long as the link lived. Bob stays offline, so only the relay's
 * answer (no delivery receipt) can move the message on.
 */
class UnansweredSendRetryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

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
    void aSendAnsweredAfterItsTimeoutIsTriedAgainOnTheSameLink() throws Exception {
        network.register("bob").close();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        SynchronousEventBus events = new SynchronousEventBus();
        events.subscribe(ConnectionChangedEvent.class, e -> states.add(e.state()));
        ParleyApp alice = network.track(ParleyApp.open(shortRequestTimeout("alice"), events));
        RelayAddress viaProxy = new RelayAddress(URI.create("ws://127.0.0.1:" + proxy.port() + "/parley"), Optional.empty());
        alice.account().create("alice", viaProxy, TestNetwork.PASSPHRASE.clone());
        alice.account().register(Optional.empty());
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
        return new AppConfig(new AppDirectories(network.root.resolve("data-" + name).toAbsolutePath()), new ProfileName(name),
                TestNetwork.CRYPTO, TestNetwork.CRYPTO.random(), Clock.systemUTC(), new Argon2Params(1024, 1, 1),
                new TyrusRelayConnector(FrameCodec.cbor(), Duration.ofSeconds(5), Duration.ofSeconds(1)),
                new ExponentialBackoff(Duration.ofMillis(100), Duration.ofMillis(800), TestNetwork.CRYPTO.random()),
                new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(20), 5), 20,
                UnaryOperator.identity());
    }
}
