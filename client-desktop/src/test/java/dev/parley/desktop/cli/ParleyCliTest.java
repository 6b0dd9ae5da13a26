package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CLI in-process against a real relay: commands, output format and exit codes. */
class ParleyCliTest {
    @RegisterExtension
    final CliRelay net = new CliRelay();

    @Test
    void scriptableEndToEndSession() throws Exception {
        String url = net.url();
        assertThat(net.cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(net.cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(net.cli("alice", "register").out()).startsWith("registered\talice");
        assertThat(net.cli("bob", "register").code()).isZero();
        assertThat(net.cli("alice", "add-contact", "bob").out()).isEqualTo("bob\tUNVERIFIED" + System.lineSeparator());

        CliRelay.Run sent = net.cli("alice", "send", "bob", "hello", "from\tthe", "cli");
        assertThat(sent.code()).as(sent.err()).isZero();
        assertThat(sent.out()).startsWith("sent\t");

        CliRelay.Run listened = net.cli("bob", "listen", "--once");
        assertThat(listened.code()).as(listened.err()).isZero();
        assertThat(listened.out()).contains("alice\tINCOMING\tDELIVERED\t").contains("hello from\\tthe cli");

        assertThat(net.cli("bob", "history", "alice").out()).contains("hello from\\tthe cli");
        assertThat(net.cli("bob", "search", "hello").out()).contains("hello from\\tthe cli");
        assertThat(net.cli("bob", "search", "absent").out()).isEmpty();
        // Alice wrote first: for bob she is a message request (issue #11 finding 1) until he trusts or answers her.
        assertThat(net.cli("bob", "contacts").out()).isEqualTo("alice\tREQUEST" + System.lineSeparator());
        assertThat(net.cli("bob", "requests").out()).isEqualTo("alice\tREQUEST" + System.lineSeparator());
        String bobSees = net.cli("bob", "fingerprint", "alice").out().lines().findFirst().orElseThrow();
        String aliceSees = net.cli("alice", "fingerprint", "bob").out().lines().findFirst().orElseThrow();
        assertThat(bobSees).isEqualTo(aliceSees).matches("[0-9 ]+");
        CliRelay.Run wrongNumber = net.cli("bob", "trust", "alice", "--fingerprint", "1".repeat(60));
        assertThat(wrongNumber.code()).isEqualTo(5);
        assertThat(wrongNumber.err()).contains("not the safety number");
        assertThat(net.cli("bob", "contacts").out()).isEqualTo("alice\tREQUEST" + System.lineSeparator());
        CliRelay.Run trusted = net.cli("bob", "trust", "alice", "--fingerprint", aliceSees);
        assertThat(trusted.code()).as(trusted.err()).isZero();
        assertThat(net.cli("bob", "contacts").out()).isEqualTo("alice\tVERIFIED" + System.lineSeparator());
        assertThat(net.cli("bob", "requests").out()).isEmpty();
    }

    @Test
    void exitCodesAreStable() throws Exception {
        String url = net.url();
        assertThat(net.cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(net.cli("alice", "register").code()).isZero();

        assertThat(net.cli("alice", "no-such-command").code()).isEqualTo(1);
        assertThat(net.cli("alice", "send").code()).isEqualTo(1);
        assertThat(net.cli("alice", "init", "alice", "--relay", "http://not-ws").code()).isEqualTo(1);
        assertThat(net.cli("alice", "--help").out()).contains("Exit codes:").contains("4  relay unreachable");

        Map<String, String> wrong = new HashMap<>(net.env("alice"));
        wrong.put("PARLEY_PASSPHRASE", "wrong");
        CliRelay.Run wrongPassphrase = net.run(wrong, "contacts");
        assertThat(wrongPassphrase.code()).isEqualTo(2);
        assertThat(wrongPassphrase.err()).contains("wrong passphrase");
        Path file = net.dir().resolve("pass.txt");
        Files.writeString(file, "passphrase of alice\n");
        Map<String, String> fromFile = new HashMap<>(wrong);
        fromFile.remove("PARLEY_PASSPHRASE");
        assertThat(net.run(fromFile, "contacts", "--passphrase-file", file.toString()).code()).isZero();
        assertThat(net.run(fromFile, "contacts", "--passphrase-env", "UNSET_VARIABLE").code()).isEqualTo(2);

        assertThat(net.cli("alice", "send", "nobody", "hi").code()).isEqualTo(3);
        assertThat(net.cli("alice", "add-contact", "nobody").code()).isEqualTo(3);
        assertThat(net.cli("nobody", "contacts").code()).isEqualTo(2);

        assertThat(net.cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(net.cli("bob", "register").code()).isZero();
        assertThat(net.cli("alice", "add-contact", "bob").code()).isZero();
        net.stopRelay();
        CliRelay.Run offline = net.cli("alice", "send", "--timeout", "2", "bob", "queued while offline");
        assertThat(offline.code()).isEqualTo(4);
        assertThat(offline.err()).contains("cannot reach the relay").contains("the message is queued");
        assertThat(net.cli("alice", "history", "bob").out()).contains("SENDING").contains("queued while offline");
    }
}
