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

/** Issue #14's CLI {@code presence}, in-process against a real relay, with two profiles online at once. */
class PresenceCommandTest {
    private static final java.util.function.UnaryOperator<dev.parley.desktop.app.AppConfig> CHEAP_ARGON2 =
            config -> config.withArgon2(new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));
    private static final String NL = System.lineSeparator();

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

    private void ok(Run run) {
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void presenceShowsAContactOnlineThenLastSeenAndNothingWithNobody() throws Exception {
        String url = relay.uri().toString();
        for (String name : new String[] {"alice", "bob"}) {
            ok(cli(name, "init", name, "--relay", url));
            ok(cli(name, "register"));
        }
        ok(cli("alice", "add-contact", "bob"));
        ok(cli("alice", "send", "bob", "hello"));
        ok(cli("bob", "listen", "--once"));
        assertThat(cli("alice", "presence", "--wait", "0").out()).isEqualTo("bob offline" + NL);
        assertThat(cli("bob", "presence", "--wait", "0").out()).as("a request has no presence").isEmpty();
        ok(cli("bob", "accept", "alice"));

        java.util.concurrent.CompletableFuture<Run> bobOnline =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> cli("bob", "presence", "--wait", "6"));
        Thread.sleep(2500);
        Run alice = cli("alice", "presence", "--wait", "2");
        ok(alice);
        assertThat(alice.out()).as("bob, online, answers alice's announcement").isEqualTo("bob online" + NL);
        Run bob = bobOnline.get(60, java.util.concurrent.TimeUnit.SECONDS);
        ok(bob);
        assertThat(bob.out()).as("alice announced herself (and maybe left) while bob waited")
                .matches("alice (online|last seen \\S+)" + NL);

        String later = cli("alice", "presence", "--wait", "0").out();
        assertThat(later).as("bob said goodbye on exit").matches("bob last seen \\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z" + NL);

        assertThat(cli("alice", "presence", "--share", "nobody", "--wait", "0").out()).isEqualTo("bob hidden" + NL);
        assertThat(cli("alice", "presence", "--share", "everyone").code()).isEqualTo(1);
        assertThat(cli("alice", "presence", "--share", "contacts", "--wait", "0").out()).startsWith("bob last seen");
    }
}
