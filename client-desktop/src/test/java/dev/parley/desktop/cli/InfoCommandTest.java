package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code info MESSAGE-ID} (issue #12 item 6) in-process against a real relay. */
class InfoCommandTest {
    @RegisterExtension
    final CliRelay net = new CliRelay();

    @Test
    void infoPrintsWhenAMessageWasSentReachedTheRelayAndWasDelivered() {
        String url = net.url();
        assertThat(net.cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(net.cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(net.cli("alice", "register").code()).isZero();
        assertThat(net.cli("bob", "register").code()).isZero();
        assertThat(net.cli("alice", "add-contact", "bob").code()).isZero();
        assertThat(net.cli("bob", "add-contact", "alice").code()).isZero();
        String id = net.cli("alice", "send", "bob", "hello").out().strip().split("\t")[1];

        String[] sent = fields(net.cli("alice", "info", id));
        assertThat(sent).hasSize(8);
        assertThat(sent[0]).isEqualTo("info");
        assertThat(sent[1]).isEqualTo(id);
        assertThat(sent[2]).isEqualTo("OUTGOING");
        assertThat(sent[3]).isEqualTo("SENT");
        Instant written = Instant.parse(sent[4]);
        assertThat(Instant.parse(sent[5])).as("relay stored").isAfterOrEqualTo(written);
        assertThat(sent[6]).as("not delivered yet").isEqualTo("-");
        assertThat(sent[7]).isEqualTo("-");

        assertThat(net.cli("bob", "listen", "--once").code()).isZero();
        String[] incoming = fields(net.cli("bob", "info", id));
        assertThat(incoming[2]).isEqualTo("INCOMING");
        assertThat(incoming[3]).isEqualTo("DELIVERED");
        assertThat(incoming[4]).isEqualTo(sent[4]);
        assertThat(incoming[5]).isEqualTo("-");
        assertThat(Instant.parse(incoming[6])).isAfterOrEqualTo(written);
        assertThat(incoming[7]).isEqualTo("-");

        assertThat(net.cli("alice", "listen", "--once").code()).isZero();
        String[] delivered = fields(net.cli("alice", "info", id));
        assertThat(delivered[3]).isEqualTo("DELIVERED");
        assertThat(delivered[5]).isEqualTo(sent[5]);
        assertThat(Instant.parse(delivered[6])).isAfterOrEqualTo(Instant.parse(sent[5]));
        assertThat(delivered[7]).isEqualTo("-");

        CliRelay.Run unknown = net.cli("alice", "info", "00".repeat(16));
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("no message with this id");
        assertThat(net.cli("alice", "info", "not an id").code()).isEqualTo(ExitCode.USAGE.code());
    }

    private static String[] fields(CliRelay.Run run) {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        return run.out().strip().split("\t");
    }
}
