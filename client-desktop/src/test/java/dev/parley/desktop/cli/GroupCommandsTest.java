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

/** The group commands in-process against a real relay (issue #15): three members chat, one is added, one removed. */
class GroupCommandsTest {
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

    record Run(int code, String out, String err) {
    }

    Run cli(String profile, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2)
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Run ok(String profile, String... args) {
        Run run = cli(profile, args);
        assertThat(run.code()).as(profile + " " + String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    void user(String name) {
        ok(name, "init", name, "--relay", relay.uri().toString());
        ok(name, "register");
    }

    private static String idOf(Run sent) {
        return sent.out().strip().split("\t")[1];
    }

    @Test
    void threeMembersChatAndAnAddedOrRemovedMemberReadsOnlyWhatWasSentWhileInTheGroup() {
        for (String name : new String[] {"alice", "bob", "carol", "dave"}) {
            user(name);
        }
        Run created = ok("alice", "group", "create", "Climbing", "bob", "carol");
        String group = created.out().split("\t")[1];
        assertThat(created.out()).isEqualTo("group\t" + group + "\tClimbing\t1\t3\tACTIVE" + NL);
        String conversation = "#" + group;

        Run bobJoins = ok("bob", "listen", "--once");
        assertThat(bobJoins.out()).contains(conversation + "\tINCOMING\tREAD\t").contains("alice created the group");
        assertThat(ok("bob", "group", "list").out()).isEqualTo(created.out());
        assertThat(ok("bob", "group", "info", "Climbing").out()).isEqualTo(created.out()
                + "member\talice\tADMIN" + NL + "member\tbob\tMEMBER" + NL + "member\tcarol\tMEMBER" + NL);

        String hello = idOf(ok("alice", "send", "Climbing", "hello", "climbers"));
        assertThat(ok("bob", "listen", "--once").out()).contains(conversation + "\tINCOMING\t")
                .contains(hello + "\thello climbers" + NL);
        ok("bob", "send", conversation, "hi from bob");
        Run carolReads = ok("carol", "listen", "--once");
        assertThat(carolReads.out()).contains("alice created the group").contains("\thello climbers" + NL)
                .contains("\thi from bob" + NL);
        ok("carol", "react", hello, "👍");
        ok("carol", "send", "Climbing", "carol here");
        Run aliceReads = ok("alice", "listen", "--once");
        assertThat(aliceReads.out()).contains("\thi from bob" + NL).contains("\tcarol here" + NL);
        assertThat(ok("alice", "history", "Climbing").out()).contains("\thello climbers" + NL
                + "reaction\t" + hello + "\tcarol\t👍" + NL);

        Run notAdmin = cli("bob", "group", "rename", "Climbing", "Bob's club");
        assertThat(notAdmin.code()).isNotZero();
        assertThat(notAdmin.err()).contains("only admins");

        assertThat(ok("alice", "group", "add", "Climbing", "dave").out())
                .isEqualTo("group\t" + group + "\tClimbing\t2\t4\tACTIVE" + NL);
        String welcome = idOf(ok("alice", "send", "Climbing", "welcome", "dave"));
        Run daveReads = ok("dave", "listen", "--once");
        assertThat(daveReads.out()).contains("alice added dave").contains(welcome + "\twelcome dave" + NL)
                .doesNotContain("hello climbers").doesNotContain("hi from bob");
        assertThat(ok("dave", "history", "Climbing").out()).doesNotContain("hello climbers")
                .contains("\twelcome dave" + NL);

        assertThat(ok("alice", "group", "remove", "Climbing", "carol").out())
                .isEqualTo("group\t" + group + "\tClimbing\t3\t3\tACTIVE" + NL);
        ok("alice", "send", "Climbing", "after carol left");
        ok("bob", "listen", "--once");
        ok("bob", "send", "Climbing", "bob after the removal");
        Run carolAfter = ok("carol", "listen", "--once");
        assertThat(carolAfter.out()).contains("alice removed carol").doesNotContain("after carol left")
                .doesNotContain("bob after the removal");
        assertThat(ok("carol", "group", "list").out()).endsWith("\tLEFT" + NL);
        assertThat(ok("carol", "history", conversation).out()).doesNotContain("after");
        assertThat(cli("carol", "send", conversation, "still here?").code()).isNotZero();

        assertThat(ok("bob", "history", "Climbing").out()).contains("\tafter carol left" + NL)
                .contains("alice removed carol");
        Run daveAfter = ok("dave", "listen", "--once");
        assertThat(daveAfter.out()).contains("\tafter carol left" + NL).contains("\tbob after the removal" + NL);
    }
}
