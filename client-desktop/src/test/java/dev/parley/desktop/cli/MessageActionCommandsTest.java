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

/** {@code edit MESSAGE-ID TEXT} and {@code delete MESSAGE-ID [--for-everyone]} in-process against a real relay. */
class MessageActionCommandsTest {
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
    void editsAndDeletionsTravelThroughTheCliAndShowInHistory() {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
        String id = cli("alice", "send", "bob", "lunch at noon").out().strip().split("\t")[1];
        String other = cli("alice", "send", "bob", "keep this").out().strip().split("\t")[1];
        assertThat(cli("bob", "listen", "--once").code()).isZero();
        Run reply = cli("bob", "reply", id, "noon", "works");
        assertThat(reply.code()).as(reply.err()).isZero();
        String replyId = reply.out().strip().split("\t")[1];
        Run aliceListens = cli("alice", "listen", "--once");
        assertThat(aliceListens.out()).contains("noon works" + System.lineSeparator()
                + "reply\t" + replyId + "\t" + id + "\talice\tlunch at noon" + System.lineSeparator());

        Run edited = cli("alice", "edit", id, "lunch", "at", "one");
        assertThat(edited.code()).as(edited.err()).isZero();
        assertThat(edited.out()).isEqualTo("edited\t" + id + "\t1" + System.lineSeparator());
        assertThat(cli("bob", "listen", "--once").code()).isZero();
        assertThat(cli("bob", "history", "alice").out()).contains(id + "\tlunch at one" + System.lineSeparator()
                + "edited\t" + id + "\t1" + System.lineSeparator());
        assertThat(cli("bob", "search", "lunch noon").out()).as("the old text is not found").isEmpty();

        Run notYours = cli("bob", "edit", id, "mine now");
        assertThat(notYours.code()).isNotZero();
        assertThat(notYours.err()).contains("only your own messages");
        assertThat(cli("bob", "delete", id, "--for-everyone").code()).isNotZero();
        assertThat(cli("alice", "delete", "not an id\u0001").code()).isNotZero();

        Run deleted = cli("alice", "delete", id, "--for-everyone");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted-for-everyone\t" + id + System.lineSeparator());
        assertThat(cli("bob", "listen", "--once").code()).isZero();
        String history = cli("bob", "history", "alice").out();
        assertThat(history).contains(id + "\tThis message was deleted" + System.lineSeparator()
                + "deleted\t" + id + System.lineSeparator());
        assertThat(history).doesNotContain("lunch");
        assertThat(cli("alice", "history", "bob").out())
                .contains("reply\t" + replyId + "\t" + id + "\talice\tThis message was deleted" + System.lineSeparator());

        Run forMe = cli("bob", "delete", other);
        assertThat(forMe.code()).as(forMe.err()).isZero();
        assertThat(forMe.out()).isEqualTo("deleted\t" + other + System.lineSeparator());
        assertThat(cli("bob", "history", "alice").out()).doesNotContain("keep this");
        assertThat(cli("alice", "history", "bob").out()).contains("keep this");

        assertThat(cli("alice", "disappear", "bob", "2h").code()).as("not an allowed timer").isNotZero();
        Run timer = cli("alice", "disappear", "bob", "1h");
        assertThat(timer.code()).as(timer.err()).isZero();
        assertThat(timer.out()).isEqualTo("disappearing\tbob\t1h" + System.lineSeparator());
        String expiring = cli("alice", "send", "bob", "gone in an hour").out().strip().split("\t")[1];
        Run bobListens = cli("bob", "listen", "--once");
        assertThat(bobListens.out()).contains("\talice set disappearing messages to 1 hour" + System.lineSeparator() + "system\t");
        assertThat(bobListens.out()).contains(expiring + "\tgone in an hour" + System.lineSeparator() + "expires\t" + expiring + "\t");
    }
}
