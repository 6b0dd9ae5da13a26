package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #12: {@code listen} prints late edits, deletes and reactions as records, once. In-process, real relay. */
class ListenChangesTest {
    @RegisterExtension
    final CliRelay net = new CliRelay();

    @Test
    void listenPrintsLateEditsDeletesAndReactionsOnce() {
        String url = net.url();
        assertThat(net.cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(net.cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(net.cli("alice", "register").code()).isZero();
        assertThat(net.cli("bob", "register").code()).isZero();
        assertThat(net.cli("alice", "add-contact", "bob").code()).isZero();
        assertThat(net.cli("bob", "add-contact", "alice").code()).isZero();
        String hello = net.cli("alice", "send", "bob", "hello").out().strip().split("\t")[1];
        String bye = net.cli("alice", "send", "bob", "bye").out().strip().split("\t")[1];
        String ping = net.cli("bob", "send", "alice", "ping").out().strip().split("\t")[1];
        assertThat(net.cli("bob", "listen", "--once").out()).contains(hello + "\thello").contains(bye + "\tbye");
        assertThat(net.cli("alice", "listen", "--once").out()).contains(ping + "\tping");

        assertThat(net.cli("alice", "edit", hello, "hello again").code()).isZero();
        assertThat(net.cli("alice", "delete", bye, "--for-everyone").code()).isZero();
        assertThat(net.cli("alice", "react", ping, "\uD83D\uDC4D").code()).isZero();
        assertThat(net.cli("alice", "react", hello, "\uD83C\uDF89").code()).isZero();
        CliRelay.Run listened = net.cli("bob", "listen", "--once");
        assertThat(listened.code()).as(listened.err()).isZero();
        String nl = System.lineSeparator();
        assertThat(listened.out()).contains(hello + "\thello again" + nl + "edited\t" + hello + "\t1" + nl);
        assertThat(listened.out()).contains(bye + "\tThis message was deleted" + nl + "deleted\t" + bye + nl);
        assertThat(listened.out()).contains("reaction\t" + ping + "\talice\t\uD83D\uDC4D" + nl);
        assertThat(listened.out()).contains("reaction\t" + hello + "\talice\t\uD83C\uDF89" + nl);
        assertThat(listened.out().indexOf("edited")).as("in the order they arrived")
                .isLessThan(listened.out().indexOf("deleted\t"));

        assertThat(net.cli("alice", "react", ping, "\uD83D\uDC4D", "--remove").code()).isZero();
        CliRelay.Run again = net.cli("bob", "listen", "--once");
        assertThat(again.out()).as("each change printed once").isEqualTo("reaction\t" + ping + "\talice\t" + nl);
    }
}
