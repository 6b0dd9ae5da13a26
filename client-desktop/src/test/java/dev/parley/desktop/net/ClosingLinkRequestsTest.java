package dev.parley.desktop.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.wire.FrameCodec;
import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client quitting while it still sends (the photo burst's shutdown): once its link to the relay is closing, a
 * request some other part of the client makes fails at once with "closed" and nothing more is written; it neither
 * goes out on the closing WebSocket (whose write Tyrus refused with "The connection has been closed") nor waits for
 * the request timeout for an answer that cannot come. Real relay, real WebSocket link.
 */
class ClosingLinkRequestsTest {
    /** Longer than the test waits for the request: an answer by timeout would fail it. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private RelayServer relay;
    private TyrusRelayConnector connector;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir));
        connector = new TyrusRelayConnector(FrameCodec.cbor(), Duration.ofSeconds(10), REQUEST_TIMEOUT);
    }

    @AfterEach
    void stop() {
        connector.close();
        relay.close();
    }

    @Test
    void requestsMadeWhileTheLinkClosesFailAtOnce() throws Exception {
        CompletableFuture<Push> challenge = new CompletableFuture<>();
        AtomicReference<RelayLink> link = new AtomicReference<>();
        AtomicReference<CompletableFuture<Response>> duringClose = new AtomicReference<>();
        AtomicReference<List<CompletableFuture<Response>>> batchDuringClose = new AtomicReference<>();
        link.set(connector.connect(new RelayAddress(relay.uri(), Optional.empty()), new RelayLinkListener() {
            @Override
            public void onPush(Push push) {
                challenge.complete(push);
            }

            @Override
            public void onClosed(String reason) {
                // another part of the client sends as the link closes (the link is closed for the client already,
                // its WebSocket not yet)
                duringClose.set(link.get().request(new Request.Ack(1)));
                batchDuringClose.set(link.get().requestAll(List.of(new Request.Ack(2), new Request.Ack(3))));
            }
        }));
        challenge.get(30, TimeUnit.SECONDS);

        link.get().close();

        assertThat(link.get().isOpen()).isFalse();
        assertClosed(duringClose.get());
        assertThat(batchDuringClose.get()).hasSize(2);
        for (CompletableFuture<Response> request : batchDuringClose.get()) {
            assertClosed(request);
        }
    }

    private static void assertClosed(CompletableFuture<Response> request) {
        assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RelayLinkClosedException.class);
    }
}
