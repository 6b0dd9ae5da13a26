package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.TlsSettings;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, items 14 and 15: the CLI against a relay that is down (a closed port), one that accepts connections but
 * never answers, and a TLS relay whose certificate does not match the pin; and {@code relay set} as the way out.
 */
class CliRelayFailuresTest {
    private static final java.util.function.UnaryOperator<dev.parley.desktop.app.AppConfig> CHEAP_ARGON2 =
            config -> config.withArgon2(new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));
    /** The bound for reporting a refused connection. */
    private static final long REFUSED_WITHIN_MILLIS = 5_000;

    @TempDir
    Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void hardenH2() {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    record Run(int code, String out, String err, long millis) {
    }

    private Run cli(String profile, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2).execute(args);
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    private RelayServer relay(RelayConfig config) throws Exception {
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        RelayServer relay = RelayServer.start(config.withPort(0).withLimits(limits));
        resources.add(relay);
        return relay;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionIsReportedWithinFiveSecondsByEveryCommandThatNeedsTheRelay() throws Exception {
        RelayServer relay = relay(RelayConfig.defaults().withDataDir(dir.resolve("relay")));
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
        String down = "ws://127.0.0.1:" + closedPort() + "/parley";
        assertThat(cli("alice", "relay", "set", down).out()).isEqualTo("relay\t" + down + System.lineSeparator());

        for (String[] command : new String[][] {{"send", "bob", "while the relay is down"}, {"listen", "--once"},
            {"add-contact", "carol"}}) {
            Run run = cli("alice", command);
            assertThat(run.code()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(4);
            assertThat(run.millis()).as(String.join(" ", command)).isLessThan(REFUSED_WITHIN_MILLIS);
            assertThat(run.err()).contains("cannot reach the relay at " + down + " (connection refused")
                    .doesNotContain("Exception").doesNotContain("waiting for the relay");
            assertThat(run.out()).isEmpty();
        }
        assertThat(cli("alice", "history", "bob").out()).contains("SENDING\t").contains("while the relay is down");

        assertThat(cli("alice", "relay", "set", url).code()).isZero();
        Run flushed = cli("alice", "send", "bob", "back online");
        assertThat(flushed.code()).as(flushed.err()).isZero();
        Run received = cli("bob", "listen", "--once");
        assertThat(received.out()).contains("while the relay is down").contains("back online");
    }

    @Test
    void aRelayThatDoesNotAnswerGetsOneProgressLineAfterTwoSeconds() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        resources.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        String url = "ws://127.0.0.1:" + silent.getLocalPort() + "/parley";
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();

        Run run = cli("alice", "add-contact", "--timeout", "3", "bob");

        assertThat(run.code()).as(run.err()).isEqualTo(4);
        assertThat(run.err().lines().filter(line -> line.contains("waiting for the relay at " + url)).count())
                .as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("(no answer in time)").doesNotContain("Exception");
    }

    @Test
    void aCertificateThatDoesNotMatchThePinHasItsOwnExitCodeAndShowsTheServedFingerprint() throws Exception {
        RelayServer relay = relay(RelayConfig.defaults().withDataDir(dir.resolve("relay")).withTls(new TlsSettings.SelfSigned()));
        String url = relay.uri().toString();
        String served = relay.tlsFingerprint().orElseThrow();
        String wrong = "ab".repeat(32);
        assertThat(cli("alice", "init", "alice", "--relay", url, "--fingerprint", wrong).code()).isZero();

        Run register = cli("alice", "register");
        assertThat(register.code()).as(register.err()).isEqualTo(7);
        String servedColons = dev.parley.desktop.net.CertificateFingerprint.parse(served).toString();
        assertThat(register.err()).contains("does not match the pinned fingerprint").contains("served: " + servedColons)
                .contains("parley-cli relay set " + url + " --fingerprint " + servedColons.replace(":", ""))
                .doesNotContain("Exception");

        assertThat(cli("alice", "relay", "set", url, "--fingerprint", served).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url, "--fingerprint", served).code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();

        assertThat(cli("alice", "relay", "set", url, "--fingerprint", wrong).code()).isZero();
        Run send = cli("alice", "add-contact", "bob");
        assertThat(send.code()).as(send.err()).isEqualTo(7);
        assertThat(send.err()).contains("served: " + servedColons);
        Run listen = cli("alice", "listen", "--once");
        assertThat(listen.code()).as(listen.err()).isEqualTo(7);

        assertThat(cli("alice", "relay", "set", "http://not-a-relay").code()).isEqualTo(1);
        assertThat(cli("alice", "relay", "set", url).code()).as("wss needs a pin").isEqualTo(1);
    }
}
