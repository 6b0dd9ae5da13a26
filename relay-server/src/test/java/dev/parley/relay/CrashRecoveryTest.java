package dev.parley.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.wire.Push;
import dev.parley.crypto.wire.Request;
import dev.parley.crypto.wire.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay killed between storing and delivering loses nothing and stores no client message id twice. */
class CrashRecoveryTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void anAbruptHaltLosesNothingAndRetriesAreNotStoredTwice() throws Exception {
        RelayConfig config = RelayConfig.defaults().withPort(0).withDataDir(dataDir);
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        RelayServer relay = RelayServer.start(config);
        try (TestClient a = TestClient.connect(relay.uri())) {
            alice.register(a, 0);
            bob.register(a, 0);
            alice.authenticate(a);
            for (int i = 0; i < 5; i++) {
                assertThat(a.request(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i})))
                        .isEqualTo(new Response.SendAccepted(false));
            }
        }
        relay.halt();

        relay = RelayServer.start(config);
        try (TestClient a = TestClient.connect(relay.uri()); TestClient b = TestClient.connect(relay.uri())) {
            alice.authenticate(a);
            for (int i = 3; i < 6; i++) {
                assertThat(a.request(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i})))
                        .isEqualTo(new Response.SendAccepted(i < 5));
            }
            bob.authenticate(b);
            List<Push.Deliver> delivered = b.drainUntilQueueEmpty();
            assertThat(delivered).extracting(d -> (int) d.blob()[0]).containsExactly(0, 1, 2, 3, 4, 5);
            b.request(new Request.Ack(delivered.get(0).messageId()));
        }
        relay.halt();

        relay = RelayServer.start(config);
        try (TestClient b = TestClient.connect(relay.uri())) {
            bob.authenticate(b);
            assertThat(b.drainUntilQueueEmpty()).extracting(d -> (int) d.blob()[0]).containsExactly(1, 2, 3, 4, 5);
        } finally {
            relay.close();
        }
    }

    @Test
    void aRelayProcessKilledWithSigkillResumesWithEveryStoredBlob() throws Exception {
        TestUser alice = new TestUser("alice");
        TestUser bob = new TestUser("bob");
        Process first = startProcess();
        try {
            URI uri = awaitListening(first);
            try (TestClient a = TestClient.connect(uri)) {
                alice.register(a, 0);
                bob.register(a, 0);
                alice.authenticate(a);
                for (int i = 0; i < 20; i++) {
                    assertThat(a.request(new Request.Send("bob", RelayFlowTest.clientMessageId(i), new byte[] {(byte) i})))
                            .isEqualTo(new Response.SendAccepted(false));
                }
            }
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(first.exitValue()).isEqualTo(137);

        Process second = startProcess();
        try {
            URI uri = awaitListening(second);
            try (TestClient a = TestClient.connect(uri); TestClient b = TestClient.connect(uri)) {
                alice.authenticate(a);
                assertThat(a.request(new Request.Send("bob", RelayFlowTest.clientMessageId(19), new byte[] {19})))
                        .isEqualTo(new Response.SendAccepted(true));
                bob.authenticate(b);
                assertThat(b.drainUntilQueueEmpty()).extracting(d -> (int) d.blob()[0])
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
            }
        } finally {
            second.destroy();
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(second.exitValue()).as("SIGTERM shuts down cleanly").isIn(0, 143);
    }

    private Process startProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.parley.relay.cli.RelayCommand",
                "--port", "0", "--metrics-port", "0", "--data-dir", dataDir.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static URI awaitListening(Process process) throws Exception {
        CompletableFuture<URI> uri = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        uri.complete(URI.create(m.group(1)));
                    }
                }
                uri.completeExceptionally(new AssertionError("the relay process ended without listening"));
            } catch (java.io.IOException e) {
                uri.completeExceptionally(e);
            }
        }, "relay-process-output");
        reader.setDaemon(true);
        reader.start();
        return uri.get(60, TimeUnit.SECONDS);
    }
}
