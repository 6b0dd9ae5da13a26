package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.limits.BucketSpec;
import dev.parley.relay.limits.RateLimit;
import dev.parley.relay.limits.RateLimits;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14's CLI, in-process against a real relay: requests, accept, block, unblock, blocked, remove-contact, profile. */
class PeopleCommandsTest {
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
    void aRequestIsAcceptedBlockedUnblockedAndRemovedWithItsHistory() {
        String url = relay.uri().toString();
        for (String name : new String[] {"alice", "bob"}) {
            ok(cli(name, "init", name, "--relay", url));
            ok(cli(name, "register"));
        }
        ok(cli("alice", "add-contact", "bob"));
        ok(cli("alice", "send", "bob", "pineapple", "plans"));
        ok(cli("bob", "listen", "--once"));

        assertThat(cli("bob", "requests").out()).isEqualTo("alice\tREQUEST" + NL);
        assertThat(cli("bob", "accept", "alice").out()).isEqualTo("alice\tUNVERIFIED" + NL);
        assertThat(cli("bob", "requests").out()).isEmpty();
        assertThat(cli("bob", "accept", "nobody").code()).isEqualTo(3);

        assertThat(cli("bob", "block", "alice").out()).isEqualTo("blocked" + NL);
        assertThat(cli("bob", "block", "alice").out()).isEqualTo("already blocked" + NL);
        assertThat(cli("bob", "blocked").out()).isEqualTo("alice" + NL);
        Run refused = cli("bob", "send", "alice", "hi");
        assertThat(refused.code()).isEqualTo(5);
        assertThat(refused.err()).contains("blocked");
        assertThat(cli("bob", "unblock", "alice").out()).isEqualTo("unblocked" + NL);
        assertThat(cli("bob", "unblock", "alice").out()).isEqualTo("not blocked" + NL);
        assertThat(cli("bob", "blocked").out()).isEmpty();
        assertThat(cli("bob", "block", "Not A Username").code()).isEqualTo(1);

        assertThat(cli("bob", "remove-contact", "alice", "--delete-history").out()).isEqualTo("removed\t1 messages deleted" + NL);
        assertThat(cli("bob", "history", "alice").out()).isEmpty();
        assertThat(cli("bob", "search", "pineapple").out()).isEmpty();
        assertThat(cli("bob", "remove-contact", "alice").code()).isEqualTo(3);
    }

    @Test
    void profilesAreSetShownAndNicknamedAndBadInputIsRefused() throws Exception {
        String url = relay.uri().toString();
        for (String name : new String[] {"alice", "bob"}) {
            ok(cli(name, "init", name, "--relay", url));
            ok(cli(name, "register"));
        }
        Path picture = dir.resolve("me.png");
        ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        Run set = cli("alice", "profile", "set", "--name", "Alice \u202Eevil", "--about", "hi there", "--avatar", picture.toString());
        ok(set);
        assertThat(set.out()).startsWith("alice\tAlice evil\tAlice evil\thi there\t");
        assertThat(cli("alice", "profile", "show").out()).startsWith("alice\tAlice evil\t");

        ok(cli("alice", "add-contact", "bob"));
        ok(cli("alice", "send", "bob", "hello"));
        ok(cli("bob", "listen", "--once"));
        assertThat(cli("bob", "profile", "show", "alice").out()).startsWith("alice\tAlice evil\tAlice evil\thi there\t")
                .doesNotEndWith("\t0" + NL);
        assertThat(cli("bob", "profile", "nickname", "alice", "Sis").out()).startsWith("alice\tSis\tAlice evil\t");
        assertThat(cli("bob", "profile", "show", "nobody").code()).isEqualTo(3);

        assertThat(cli("alice", "profile", "set", "--name", "x".repeat(10_000)).code()).isEqualTo(1);
        Path text = Files.writeString(dir.resolve("not-an-image.png"), "hello");
        Run notImage = cli("alice", "profile", "set", "--avatar", text.toString());
        assertThat(notImage.code()).isEqualTo(1);
        assertThat(notImage.err()).contains("not a PNG");
        assertThat(cli("alice", "profile", "set").code()).as("nothing to change").isEqualTo(1);
    }

    @Test
    void everyPeopleCommandHasHelp() {
        for (String command : new String[] {"accept", "block", "unblock", "blocked", "remove-contact", "profile set",
            "profile show", "profile nickname"}) {
            Run run = cli("alice", (command + " --help").split(" "));
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: parley-cli " + command);
        }
    }
}
