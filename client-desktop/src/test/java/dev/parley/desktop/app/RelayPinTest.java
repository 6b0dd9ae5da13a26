package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.net.ConnectionStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #11 findings 1 and 7: the relay id and signing key pinned at init. A different relay on the same address
 * (another id and key, as a relay impersonating the real one would have) gets no login and is sent nothing.
 */
class RelayPinTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void finding7AProfileRefusesToLogInToARelayWithAnotherIdOrSigningKey() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob");
        alice.contacts().add("bob");
        alice.connection().stop();
        alice.messaging().send("bob", "queued in the outbox");
        network.haltRelay();
        network.startRelay("impostor-relay");
        ParleyApp impostorSideBob = network.track(ParleyApp.open(network.config("bob", "data-bob-2")));
        impostorSideBob.account().create("bob", network.address(), TestNetwork.PASSPHRASE.clone());
        impostorSideBob.account().register(Optional.empty());

        alice.connection().start();
        assertThat(Await.until(() -> status(alice) == ConnectionStatus.DISCONNECTED, WAIT)).isTrue();
        Thread.sleep(1000);
        assertThat(status(alice)).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(network.relayQueued()).as("nothing was sent to the other relay").isZero();
    }

    private static ConnectionStatus status(ParleyApp app) {
        try {
            return app.connection().state().get().status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
