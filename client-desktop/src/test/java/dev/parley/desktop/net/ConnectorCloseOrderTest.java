package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18 item 19: stopping the WebSocket client closes its open links first, so a thread that still answers a
 * delivery afterwards is told "closed" instead of writing into a stopped client (which Tyrus refuses with a
 * RejectedExecutionException that reached the user as a warning).
 */
class ConnectorCloseOrderTest {
    @TempDir
    Path dir;
    private RelayServer relay;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir));
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void closingTheConnectorClosesItsLinksBeforeItsThreadsStop() throws Exception {
        TyrusRelayConnector connector = TyrusRelayConnector.standard();
        CompletableFuture<Push> challenge = new CompletableFuture<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        RelayLink link = connector.connect(new RelayAddress(relay.uri(), Optional.empty()), new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                challenge.complete(push);
            }

            @Override
            public void onPong() {
                // no pings here
            }

            @Override
            public void onClosed(String reason) {
                closed.complete(reason);
            }
        });
        challenge.get(30, TimeUnit.SECONDS);

        connector.close();

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("closed by client");
        assertThat(link.isOpen()).isFalse();
        assertThatThrownBy(() -> link.request(new Request.Ack(1)).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RelayLinkClosedException.class);
    }
}
