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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #12: {@code listen} prints late edits, deletes and reactions as records, once. In-process, real relay. */
class ListenChangesTest {
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
    void listenPrintsLateEditsDeletesAndReactionsOnce() {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
        assertThat(cli("bob", "add-contact", "alice").code()).isZero();
        String hello = cli("alice", "send", "bob", "hello").out().strip().split("\t")[1];
        String bye = cli("alice", "send", "bob", "bye").out().strip().split("\t")[1];
        String ping = cli("bob", "send", "alice", "ping").out().strip().split("\t")[1];
        assertThat(cli("bob", "listen", "--once").out()).contains(hello + "\thello").contains(bye + "\tbye");
        assertThat(cli("alice", "listen", "--once").out()).contains(ping + "\tping");

        assertThat(cli("alice", "edit", hello, "hello again").code()).isZero();
        assertThat(cli("alice", "delete", bye, "--for-everyone").code()).isZero();
        assertThat(cli("alice", "react", ping, "\uD83D\uDC4D").code()).isZero();
        assertThat(cli("alice", "react", hello, "\uD83C\uDF89").code()).isZero();
        Run listened = cli("bob", "listen", "--once");
        assertThat(listened.code()).as(listened.err()).isZero();
        String nl = System.lineSeparator();
        assertThat(listened.out()).contains(hello + "\thello again" + nl + "edited\t" + hello + "\t1" + nl);
        assertThat(listened.out()).contains(bye + "\tThis message was deleted" + nl + "deleted\t" + bye + nl);
        assertThat(listened.out()).contains("reaction\t" + ping + "\talice\t\uD83D\uDC4D" + nl);
        assertThat(listened.out()).contains("reaction\t" + hello + "\talice\t\uD83C\uDF89" + nl);
        assertThat(listened.out().indexOf("edited")).as("in the order they arrived")
                .isLessThan(listened.out().indexOf("deleted\t"));

        assertThat(cli("alice", "react", ping, "\uD83D\uDC4D", "--remove").code()).isZero();
        Run again = cli("bob", "listen", "--once");
        assertThat(again.out()).as("each change printed once").isEqualTo("reaction\t" + ping + "\talice\t" + nl);
    }
}
