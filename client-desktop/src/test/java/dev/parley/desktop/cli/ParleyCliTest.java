package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process against a real relay: commands, output format and exit codes. */
class ParleyCliTest {
    /** The CLI exactly as shipped, except a cheap Argon2 cost (the launcher script test runs the production cost). */
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

    record Run(int code, String out, String err) {
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
    void scriptableEndToEndSession() throws Exception {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").out()).startsWith("registered\talice");
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").out()).isEqualTo("bob\tUNVERIFIED" + System.lineSeparator());

        Run sent = cli("alice", "send", "bob", "hello", "from\tthe", "cli");
        assertThat(sent.code()).as(sent.err()).isZero();
        assertThat(sent.out()).startsWith("sent\t");

        Run listened = cli("bob", "listen", "--once");
        assertThat(listened.code()).as(listened.err()).isZero();
        assertThat(listened.out()).contains("alice\tINCOMING\tDELIVERED\t").contains("hello from\\tthe cli");

        assertThat(cli("bob", "history", "alice").out()).contains("hello from\\tthe cli");
        assertThat(cli("bob", "search", "hello").out()).contains("hello from\\tthe cli");
        assertThat(cli("bob", "search", "absent").out()).isEmpty();
        // Alice wrote first: for bob she is a message request (issue #11 finding 1) until he trusts or answers her.
        assertThat(cli("bob", "contacts").out()).isEqualTo("alice\tREQUEST" + System.lineSeparator());
        assertThat(cli("bob", "requests").out()).isEqualTo("alice\tREQUEST" + System.lineSeparator());
        String bobSees = cli("bob", "fingerprint", "alice").out().lines().findFirst().orElseThrow();
        String aliceSees = cli("alice", "fingerprint", "bob").out().lines().findFirst().orElseThrow();
        assertThat(bobSees).isEqualTo(aliceSees).matches("[0-9 ]+");
        Run wrongNumber = cli("bob", "trust", "alice", "--fingerprint", "1".repeat(60));
        assertThat(wrongNumber.code()).isEqualTo(5);
        assertThat(wrongNumber.err()).contains("not the safety number");
        assertThat(cli("bob", "contacts").out()).isEqualTo("alice\tREQUEST" + System.lineSeparator());
        Run trusted = cli("bob", "trust", "alice", "--fingerprint", aliceSees);
        assertThat(trusted.code()).as(trusted.err()).isZero();
        assertThat(cli("bob", "contacts").out()).isEqualTo("alice\tVERIFIED" + System.lineSeparator());
        assertThat(cli("bob", "requests").out()).isEmpty();
    }

    @Test
    void exitCodesAreStable() throws Exception {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();

        assertThat(cli("alice", "no-such-command").code()).isEqualTo(1);
        assertThat(cli("alice", "send").code()).isEqualTo(1);
        assertThat(cli("alice", "init", "alice", "--relay", "http://not-ws").code()).isEqualTo(1);
        assertThat(cli("alice", "--help").out()).contains("Exit codes:").contains("4  relay unreachable");

        Map<String, String> wrong = new HashMap<>();
        wrong.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        wrong.put("PARLEY_PROFILE", "alice");
        wrong.put("PARLEY_PASSPHRASE", "wrong");
        StringWriter err = new StringWriter();
        assertThat(ParleyCli.commandLine(wrong, new PrintWriter(new StringWriter()), new PrintWriter(err, true), CHEAP_ARGON2)
                .execute("contacts")).isEqualTo(2);
        assertThat(err.toString()).contains("wrong passphrase");
        Path file = dir.resolve("pass.txt");
        Files.writeString(file, "passphrase of alice\n");
        Map<String, String> fromFile = new HashMap<>(wrong);
        fromFile.remove("PARLEY_PASSPHRASE");
        assertThat(ParleyCli.commandLine(fromFile, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), CHEAP_ARGON2)
                .execute("contacts", "--passphrase-file", file.toString())).isZero();
        assertThat(ParleyCli.commandLine(fromFile, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), CHEAP_ARGON2)
                .execute("contacts", "--passphrase-env", "UNSET_VARIABLE")).isEqualTo(2);

        assertThat(cli("alice", "send", "nobody", "hi").code()).isEqualTo(3);
        assertThat(cli("alice", "add-contact", "nobody").code()).isEqualTo(3);
        assertThat(cli("nobody", "contacts").code()).isEqualTo(2);

        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
        relay.close();
        Run offline = cli("alice", "send", "--timeout", "2", "bob", "queued while offline");
        assertThat(offline.code()).isEqualTo(4);
        assertThat(offline.err()).contains("cannot reach the relay").contains("the message is queued");
        assertThat(cli("alice", "history", "bob").out()).contains("SENDING").contains("queued while offline");
    }
}
