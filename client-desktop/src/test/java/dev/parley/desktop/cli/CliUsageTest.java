package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.relay.cli.RelayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Issue 18, items 13 and 18: exit codes, option placement, per-command help, versions, arguments checked first. */
class CliUsageTest {
    private static final String[] COMMANDS = {"init", "register", "add-contact", "contacts", "fingerprint", "send",
        "listen", "history", "search", "relay", "relay set", "react",
        "send-file", "save"};

    @RegisterExtension
    final CliRelay net = new CliRelay();

    private void aliceAndBob() {
        net.register("alice", "bob");
        CliRelay.ok(net.cli("alice", "add-contact", "bob"));
    }

    @Test
    void everyCommandThatNamesAContactExitsThreeForAnUnknownOne() {
        aliceAndBob();
        for (String[] command : new String[][] {{"send", "nobody", "hi"}, {"history", "nobody"}, {"fingerprint", "nobody"},
            {"add-contact", "nobody"}}) {
            CliRelay.Run run = net.cli("alice", command);
            assertThat(run.code()).as(String.join(" ", command) + ": " + run.err()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("parley-cli: ").doesNotContain("Exception");
        }
        assertThat(net.cli("alice", "history", "bob").code()).isZero();
    }

    @Test
    void theHelpListsEveryExitCode() {
        assertThat(net.cli("alice", "--help").out()).contains("3  unknown contact").contains("6  profile in use")
                .contains("7  the relay's TLS certificate");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() throws Exception {
        aliceAndBob();
        Path file = net.dir().resolve("pass.txt");
        Files.writeString(file, "passphrase of alice\n");
        Map<String, String> noSecret = new HashMap<>(net.env("nobody"));
        noSecret.remove("PARLEY_PASSPHRASE");
        noSecret.remove("PARLEY_PROFILE");
        assertThat(net.run(noSecret, "--passphrase-file", file.toString(), "--profile", "alice", "contacts").out())
                .isEqualTo("bob\tUNVERIFIED" + System.lineSeparator());
        assertThat(net.run(noSecret, "contacts", "--passphrase-file", file.toString(), "--profile", "alice").out())
                .isEqualTo("bob\tUNVERIFIED" + System.lineSeparator());
        assertThat(net.run(noSecret, "--profile", "alice", "contacts", "--passphrase-file", file.toString()).code()).isZero();
        Map<String, String> named = new HashMap<>(noSecret);
        named.put("MY_SECRET", "passphrase of alice");
        assertThat(net.run(named, "--passphrase-env", "MY_SECRET", "--profile", "alice", "contacts").code()).isZero();
        assertThat(net.run(named, "--profile", "alice", "contacts", "--passphrase-env", "UNSET_VARIABLE").code()).isEqualTo(2);
    }

    @Test
    void aUsageErrorIsOneLineWithAHintNotTheWholeUsage() {
        CliRelay.Run unknownOption = net.cli("alice", "contacts", "--frobnicate");
        assertThat(unknownOption.code()).isEqualTo(1);
        assertThat(unknownOption.err().lines().toList()).hasSize(2);
        assertThat(unknownOption.err()).contains("--frobnicate").contains("Try 'parley-cli contacts --help'");
        CliRelay.Run unknownCommand = net.cli("alice", "frobnicate");
        assertThat(unknownCommand.code()).isEqualTo(1);
        assertThat(unknownCommand.err().lines().toList()).hasSize(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : COMMANDS) {
            String[] args = (command + " --help").split(" ");
            CliRelay.Run run = net.cli("alice", args);
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: parley-cli " + command);
            assertThat(run.err()).as(command).isEmpty();
        }
    }

    @Test
    void theRelayAndTheCliPrintTheSameVersionFormat() {
        String cliVersion = net.cli("alice", "--version").out().strip();
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
        CliRelay.Run empty = net.cli("ghost", "send", "bob", " ");
        assertThat(empty.code()).as(empty.err()).isEqualTo(1);
        assertThat(empty.err()).contains("empty message");
        assertThat(net.cli("ghost", "send", "bob", "x".repeat(65_537)).code()).isEqualTo(1);
        assertThat(net.cli("ghost", "send", "--timeout", "0", "bob", "hi").code()).isEqualTo(1);
        assertThat(net.cli("ghost", "history", "--limit", "0", "bob").code()).isEqualTo(1);
        assertThat(net.cli("ghost", "search", "--limit", "501", "word").code()).isEqualTo(1);
        assertThat(net.cli("ghost", "init", "ghost", "--relay", "http://not-ws").code()).isEqualTo(1);
        assertThat(net.cli("ghost", "relay", "set", "ftp://x").code()).isEqualTo(1);
        assertThat(net.cli("ghost", "contacts").code()).as("the same profile with valid arguments").isEqualTo(2);
    }
}
