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

/** {@code react MESSAGE-ID EMOJI [--remove]} in-process against a real relay, seen in {@code history}. */
class ReactCommandTest {
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
    void reactionsTravelThroughTheCliAndShowInHistory() {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
        String id = cli("alice", "send", "bob", "react to this").out().strip().split("\t")[1];
        assertThat(cli("bob", "listen", "--once").code()).isZero();

        Run reacted = cli("bob", "react", id, "🎉");
        assertThat(reacted.code()).as(reacted.err()).isZero();
        assertThat(reacted.out()).isEqualTo("reacted\t" + id + System.lineSeparator());
        assertThat(cli("alice", "listen", "--once").code()).isZero();
        assertThat(cli("alice", "history", "bob").out())
                .contains("react to this" + System.lineSeparator() + "reaction\t" + id + "\tbob\t🎉");

        assertThat(cli("bob", "react", id, "🎉", "--remove").out()).startsWith("unreacted\t" + id);
        assertThat(cli("alice", "listen", "--once").code()).isZero();
        assertThat(cli("alice", "history", "bob").out()).doesNotContain("reaction\t");

        assertThat(cli("bob", "react", id, "not-an-emoji").code()).isEqualTo(1);
        assertThat(cli("bob", "react", "not a message id", "🎉").code()).isEqualTo(1);
        assertThat(cli("bob", "react", "00".repeat(16), "🎉").code()).isEqualTo(1);
    }
}
