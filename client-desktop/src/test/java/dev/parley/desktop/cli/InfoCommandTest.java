package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info MESSAGE-ID} (issue #12 item 6) in-process against a real relay. */
class InfoCommandTest {
    private static final java.util.function.UnaryOperator<dev.parley.desktop.app.AppConfig> CHEAP_ARGON2 =
            config -> config.withArgon2(new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));

    @TempDir
    Path dir;
    private RelayServer relay;

    @BeforeAll
    static void hardenH2() {
        System.setProperty("h2.allowedClasses", "dev.parley.desktop.storage.h2.nothing.");
    }

    @BeforeEach
    void startRelay() throws Exception {
        RateLimits limits = RateLimits.defaults();
        for (RateLimit limit : RateLimit.values()) {
            limits = limits.with(limit, BucketSpec.UNLIMITED);
        }
        relay = RelayServer.start(RelayConfig.defaults().withPort(0).withDataDir(dir.resolve("relay")).withLimits(limits));
    }

    @AfterEach
    void stopRelay() {
        relay.close();
    }

    private record Run(int code, String out, String err) {
    }

    private Run cli(String profile, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void infoPrintsWhenAMessageWasSentReachedTheRelayAndWasDelivered() {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
        assertThat(cli("bob", "add-contact", "alice").code()).isZero();
        String id = cli("alice", "send", "bob", "hello").out().strip().split("\t")[1];

        String[] sent = fields(cli("alice", "info", id));
        assertThat(sent).hasSize(8);
        assertThat(sent[0]).isEqualTo("info");
        assertThat(sent[1]).isEqualTo(id);
        assertThat(sent[2]).isEqualTo("OUTGOING");
        assertThat(sent[3]).isEqualTo("SENT");
        Instant written = Instant.parse(sent[4]);
        assertThat(Instant.parse(sent[5])).as("relay stored").isAfterOrEqualTo(written);
        assertThat(sent[6]).as("not delivered yet").isEqualTo("-");
        assertThat(sent[7]).isEqualTo("-");

        assertThat(cli("bob", "listen", "--once").code()).isZero();
        String[] incoming = fields(cli("bob", "info", id));
        assertThat(incoming[2]).isEqualTo("INCOMING");
        assertThat(incoming[3]).isEqualTo("DELIVERED");
        assertThat(incoming[4]).isEqualTo(sent[4]);
        assertThat(incoming[5]).isEqualTo("-");
        assertThat(Instant.parse(incoming[6])).isAfterOrEqualTo(written);
        assertThat(incoming[7]).isEqualTo("-");

        assertThat(cli("alice", "listen", "--once").code()).isZero();
        String[] delivered = fields(cli("alice", "info", id));
        assertThat(delivered[3]).isEqualTo("DELIVERED");
        assertThat(delivered[5]).isEqualTo(sent[5]);
        assertThat(Instant.parse(delivered[6])).isAfterOrEqualTo(Instant.parse(sent[5]));
        assertThat(delivered[7]).isEqualTo("-");

        Run unknown = cli("alice", "info", "00".repeat(16));
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("no message with this id");
        assertThat(cli("alice", "info", "not an id").code()).isEqualTo(ExitCode.USAGE.code());
    }

    private static String[] fields(Run run) {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        return run.out().strip().split("\t");
    }
}
