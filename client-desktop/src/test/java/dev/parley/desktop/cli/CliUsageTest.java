package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.AppConfig;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.relay.cli.RelayCommand;
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
import picocli.CommandLine;

/** Issue 18, items 13 and 18: exit codes, option placement, per-command help, versions, arguments checked first. */
class CliUsageTest {
    private static final java.util.function.UnaryOperator<AppConfig> CHEAP_ARGON2 =
            config -> config.withArgon2(new dev.parley.crypto.primitives.Argon2Params(1024, 1, 1));
    private static final String[] COMMANDS = {"init", "register", "add-contact", "contacts", "fingerprint", "send",
        "listen", "history", "search", "relay", "relay set", "react",
        "send-file", "save"};

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

    private Map<String, String> env(String profile) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        env.put("PARLEY_PROFILE", profile);
        env.put("PARLEY_PASSPHRASE", "passphrase of " + profile);
        return env;
    }

    private Run cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true), CHEAP_ARGON2).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run cli(String profile, String... args) {
        return cli(env(profile), args);
    }

    private void aliceAndBob() {
        String url = relay.uri().toString();
        assertThat(cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(cli("alice", "register").code()).isZero();
        assertThat(cli("bob", "register").code()).isZero();
        assertThat(cli("alice", "add-contact", "bob").code()).isZero();
    }

    @Test
    void everyCommandThatNamesAContactExitsThreeForAnUnknownOne() {
        aliceAndBob();
        for (String[] command : new String[][] {{"send", "nobody", "hi"}, {"history", "nobody"}, {"fingerprint", "nobody"},
            {"add-contact", "nobody"}}) {
            Run run = cli("alice", command);
            assertThat(run.code()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("parley-cli: ").doesNotContain("Exception");
        }
        assertThat(cli("alice", "history", "bob").code()).isZero();
    }

    @Test
    void theHelpListsEveryExitCode() {
        assertThat(cli("alice", "--help").out()).contains("3  unknown contact").contains("6  profile in use")
                .contains("7  the relay's TLS certificate");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() throws Exception {
        aliceAndBob();
        Path file = dir.resolve("pass.txt");
        Files.writeString(file, "passphrase of alice\n");
        Map<String, String> noSecret = new HashMap<>(env("nobody"));
        noSecret.remove("PARLEY_PASSPHRASE");
        noSecret.remove("PARLEY_PROFILE");
        assertThat(cli(noSecret, "--passphrase-file", file.toString(), "--profile", "alice", "contacts").out())
                .isEqualTo("bob\tUNVERIFIED" + System.lineSeparator());
        assertThat(cli(noSecret, "contacts", "--passphrase-file", file.toString(), "--profile", "alice").out())
                .isEqualTo("bob\tUNVERIFIED" + System.lineSeparator());
        assertThat(cli(noSecret, "--profile", "alice", "contacts", "--passphrase-file", file.toString()).code()).isZero();
        Map<String, String> named = new HashMap<>(noSecret);
        named.put("MY_SECRET", "passphrase of alice");
        assertThat(cli(named, "--passphrase-env", "MY_SECRET", "--profile", "alice", "contacts").code()).isZero();
        assertThat(cli(named, "--profile", "alice", "contacts", "--passphrase-env", "UNSET_VARIABLE").code()).isEqualTo(2);
    }

    @Test
    void aUsageErrorIsOneLineWithAHintNotTheWholeUsage() {
        Run unknownOption = cli("alice", "contacts", "--frobnicate");
        assertThat(unknownOption.code()).isEqualTo(1);
        assertThat(unknownOption.err().lines().toList()).hasSize(2);
        assertThat(unknownOption.err()).contains("--frobnicate").contains("Try 'parley-cli contacts --help'");
        Run unknownCommand = cli("alice", "frobnicate");
        assertThat(unknownCommand.code()).isEqualTo(1);
        assertThat(unknownCommand.err().lines().toList()).hasSize(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : COMMANDS) {
            String[] args = (command + " --help").split(" ");
            Run run = cli("alice", args);
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: parley-cli " + command);
            assertThat(run.err()).as(command).isEmpty();
        }
    }

    @Test
    void theRelayAndTheCliPrintTheSameVersionFormat() {
        String cliVersion = cli("alice", "--version").out().strip();
        StringWriter relayOut = new StringWriter();
        CommandLine relayCommand = new CommandLine(new RelayCommand());
        relayCommand.setOut(new PrintWriter(relayOut, true));
        assertThat(relayCommand.execute("--version")).isZero();
        String relayVersion = relayOut.toString().strip();
        assertThat(cliVersion).matches("parley-cli \\d+\\.\\d+\\.\\d+");
        assertThat(relayVersion).matches("parley-relay \\d+\\.\\d+\\.\\d+");
        assertThat(relayVersion.substring("parley-relay ".length())).isEqualTo(cliVersion.substring("parley-cli ".length()));
    }

    @Test
    void argumentsAreCheckedBeforeTheProfileIsOpened() {
        // No profile exists: a check after opening would report "no profile" (exit 2) instead of the usage error.
        Run empty = cli("ghost", "send", "bob", " ");
        assertThat(empty.code()).as(empty.err()).isEqualTo(1);
        assertThat(empty.err()).contains("empty message");
        assertThat(cli("ghost", "send", "bob", "x".repeat(65_537)).code()).isEqualTo(1);
        assertThat(cli("ghost", "send", "--timeout", "0", "bob", "hi").code()).isEqualTo(1);
        assertThat(cli("ghost", "history", "--limit", "0", "bob").code()).isEqualTo(1);
        assertThat(cli("ghost", "search", "--limit", "501", "word").code()).isEqualTo(1);
        assertThat(cli("ghost", "init", "ghost", "--relay", "http://not-ws").code()).isEqualTo(1);
        assertThat(cli("ghost", "relay", "set", "ftp://x").code()).isEqualTo(1);
        assertThat(cli("ghost", "contacts").code()).as("the same profile with valid arguments").isEqualTo(2);
    }
}
