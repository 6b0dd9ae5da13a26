package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16, RSS per idle account: what an idle connection keeps after its large frames. A registration with 100
 * one-time prekeys and 5 KEM prekeys is a frame of about 9 KB; Tyrus kept the buffer it read it into for the
 * connection's life (about 7 KB per idle account at 10,000). Over a real relay (H2 files) and real WebSockets.
 */
class IdleConnectionMemoryTest {
    private static final int CONNECTIONS = 6;
    /** ReadBufferRelease.KEEP_BYTES: a read buffer this small is kept for the next read. */
    private static final int KEEP_BYTES = 2048;

    @TempDir
    Path dataDir;

    @Test
    void idleConnectionsKeepNoLargeReadBufferAfterALargeFrameAndStillWork() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dataDir)
                .withLimit(RateLimit.REGISTER_PER_ADDRESS, new BucketSpec(CONNECTIONS, 1)))) {
            List<TestClient> clients = new ArrayList<>();
            try {
                List<TestUser> users = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    TestUser user = new TestUser("idle" + i);
                    TestClient client = TestClient.connect(relay.uri());
                    clients.add(client);
                    users.add(user);
                    user.register(client, 100);
                    user.authenticate(client);
                }
                // Every connection sent a large frame, then small ones: each keeps at most a small buffer, and some.
                LongSupplier held = relay.metrics()::readBufferBytes;
                long settled = awaitAtMost(held, (long) CONNECTIONS * KEEP_BYTES);
                assertThat(settled).as("bytes held by %d idle connections' read buffers", CONNECTIONS)
                        .isPositive().isLessThanOrEqualTo((long) CONNECTIONS * KEEP_BYTES);
                assertThat(relay.metrics().render()).contains("parley_relay_websocket_read_buffer_bytes " + settled);

                // A released connection reads its next large frame as before.
                TestClient first = clients.get(0);
                assertThat(first.request(users.get(0).preKeySets(5))).isInstanceOf(Response.PreKeyCount.class);
                assertThat(clients.get(1).request(new Request.FetchBundle("idle0")))
                        .isInstanceOf(Response.Bundle.class);
            } finally {
                for (TestClient client : clients) {
                    client.close();
                }
            }
            // Closed connections hold nothing.
            assertThat(awaitAtMost(relay.metrics()::readBufferBytes, 0)).isZero();
        }
    }

    /** The value once it is at most {@code bound} (the last read's release runs just after its answer is written). */
    private static long awaitAtMost(LongSupplier value, long bound) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long now = value.getAsLong();
        while (now > bound && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = value.getAsLong();
        }
        return now;
    }
}
