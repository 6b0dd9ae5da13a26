package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code react MESSAGE-ID EMOJI [--remove]} in-process against a real relay, seen in {@code history}. */
class ReactCommandTest {
    @RegisterExtension
    final CliRelay net = new CliRelay();

    @Test
    void reactionsTravelThroughTheCliAndShowInHistory() {
        String url = net.url();
        assertThat(net.cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(net.cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(net.cli("alice", "register").code()).isZero();
        assertThat(net.cli("bob", "register").code()).isZero();
        assertThat(net.cli("alice", "add-contact", "bob").code()).isZero();
        String id = net.cli("alice", "send", "bob", "react to this").out().strip().split("\t")[1];
        assertThat(net.cli("bob", "listen", "--once").code()).isZero();

        CliRelay.Run reacted = net.cli("bob", "react", id, "🎉");
        assertThat(reacted.code()).as(reacted.err()).isZero();
        assertThat(reacted.out()).isEqualTo("reacted\t" + id + System.lineSeparator());
        assertThat(net.cli("alice", "listen", "--once").code()).isZero();
        assertThat(net.cli("alice", "history", "bob").out())
                .contains("react to this" + System.lineSeparator() + "reaction\t" + id + "\tbob\t🎉");

        assertThat(net.cli("bob", "react", id, "🎉", "--remove").out()).startsWith("unreacted\t" + id);
        assertThat(net.cli("alice", "listen", "--once").code()).isZero();
        assertThat(net.cli("alice", "history", "bob").out()).doesNotContain("reaction\t");

        assertThat(net.cli("bob", "react", id, "not-an-emoji").code()).isEqualTo(1);
        assertThat(net.cli("bob", "react", "not a message id", "🎉").code()).isEqualTo(1);
        assertThat(net.cli("bob", "react", "00".repeat(16), "🎉").code()).isEqualTo(1);
    }
}
