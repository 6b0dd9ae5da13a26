package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code mute CONTACT [--off]} and {@code archive CONTACT [--off]} in-process against a real relay (#12). */
class MuteArchiveCommandsTest {
    @RegisterExtension
    final CliRelay net = new CliRelay();

    @Test
    void muteAndArchiveAContactAndUndoThemAnUnknownOneExitsThree() {
        String url = net.url();
        String nl = System.lineSeparator();
        assertThat(net.cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(net.cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(net.cli("alice", "register").code()).isZero();
        assertThat(net.cli("bob", "register").code()).isZero();
        assertThat(net.cli("alice", "add-contact", "bob").code()).isZero();

        CliRelay.Run muted = net.cli("alice", "mute", "bob");
        assertThat(muted.code()).as(muted.err()).isZero();
        assertThat(muted.out()).isEqualTo("muted\tbob" + nl);
        assertThat(net.cli("alice", "archive", "bob").out()).isEqualTo("archived\tbob" + nl);
        assertThat(net.cli("alice", "mute", "bob", "--off").out()).isEqualTo("unmuted\tbob" + nl);
        assertThat(net.cli("alice", "archive", "bob", "--off").out()).isEqualTo("unarchived\tbob" + nl);

        CliRelay.Run unknown = net.cli("alice", "mute", "carol");
        assertThat(unknown.code()).isEqualTo(ExitCode.UNKNOWN_CONTACT.code());
        assertThat(unknown.out()).isEmpty();
        assertThat(net.cli("alice", "archive", "carol").code()).isEqualTo(ExitCode.UNKNOWN_CONTACT.code());
    }
}
