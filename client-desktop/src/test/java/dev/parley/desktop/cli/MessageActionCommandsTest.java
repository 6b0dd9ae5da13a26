package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code edit MESSAGE-ID TEXT} and {@code delete MESSAGE-ID [--for-everyone]} in-process against a real relay. */
class MessageActionCommandsTest {
    @RegisterExtension
    final CliRelay net = new CliRelay();

    @Test
    void editsAndDeletionsTravelThroughTheCliAndShowInHistory() {
        String url = net.url();
        assertThat(net.cli("alice", "init", "alice", "--relay", url).code()).isZero();
        assertThat(net.cli("bob", "init", "bob", "--relay", url).code()).isZero();
        assertThat(net.cli("alice", "register").code()).isZero();
        assertThat(net.cli("bob", "register").code()).isZero();
        assertThat(net.cli("alice", "add-contact", "bob").code()).isZero();
        String id = net.cli("alice", "send", "bob", "lunch at noon").out().strip().split("\t")[1];
        String other = net.cli("alice", "send", "bob", "keep this").out().strip().split("\t")[1];
        assertThat(net.cli("bob", "listen", "--once").code()).isZero();
        CliRelay.Run reply = net.cli("bob", "reply", id, "noon", "works");
        assertThat(reply.code()).as(reply.err()).isZero();
        String replyId = reply.out().strip().split("\t")[1];
        CliRelay.Run aliceListens = net.cli("alice", "listen", "--once");
        assertThat(aliceListens.out()).contains("noon works" + System.lineSeparator()
                + "reply\t" + replyId + "\t" + id + "\talice\tlunch at noon" + System.lineSeparator());

        CliRelay.Run edited = net.cli("alice", "edit", id, "lunch", "at", "one");
        assertThat(edited.code()).as(edited.err()).isZero();
        assertThat(edited.out()).isEqualTo("edited\t" + id + "\t1" + System.lineSeparator());
        assertThat(net.cli("bob", "listen", "--once").code()).isZero();
        assertThat(net.cli("bob", "history", "alice").out()).contains(id + "\tlunch at one" + System.lineSeparator()
                + "edited\t" + id + "\t1" + System.lineSeparator());
        assertThat(net.cli("bob", "search", "lunch noon").out()).as("the old text is not found").isEmpty();

        CliRelay.Run notYours = net.cli("bob", "edit", id, "mine now");
        assertThat(notYours.code()).isNotZero();
        assertThat(notYours.err()).contains("only your own messages");
        assertThat(net.cli("bob", "delete", id, "--for-everyone").code()).isNotZero();
        assertThat(net.cli("alice", "delete", "not an id\u0001").code()).isNotZero();

        CliRelay.Run deleted = net.cli("alice", "delete", id, "--for-everyone");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted-for-everyone\t" + id + System.lineSeparator());
        assertThat(net.cli("bob", "listen", "--once").code()).isZero();
        String history = net.cli("bob", "history", "alice").out();
        assertThat(history).contains(id + "\tThis message was deleted" + System.lineSeparator()
                + "deleted\t" + id + System.lineSeparator());
        assertThat(history).doesNotContain("lunch");
        assertThat(net.cli("alice", "history", "bob").out())
                .contains("reply\t" + replyId + "\t" + id + "\talice\tThis message was deleted" + System.lineSeparator());

        CliRelay.Run forMe = net.cli("bob", "delete", other);
        assertThat(forMe.code()).as(forMe.err()).isZero();
        assertThat(forMe.out()).isEqualTo("deleted\t" + other + System.lineSeparator());
        assertThat(net.cli("bob", "history", "alice").out()).doesNotContain("keep this");
        assertThat(net.cli("alice", "history", "bob").out()).contains("keep this");

        assertThat(net.cli("alice", "disappear", "bob", "2h").code()).as("not an allowed timer").isNotZero();
        CliRelay.Run timer = net.cli("alice", "disappear", "bob", "1h");
        assertThat(timer.code()).as(timer.err()).isZero();
        assertThat(timer.out()).isEqualTo("disappearing\tbob\t1h" + System.lineSeparator());
        assertThat(net.cli("alice", "history", "bob").out()).as("the own timer change reads as yours")
                .contains("\tYou set disappearing messages to 1 hour" + System.lineSeparator() + "system\t")
                .doesNotContain("alice set disappearing");
        String expiring = net.cli("alice", "send", "bob", "gone in an hour").out().strip().split("\t")[1];
        CliRelay.Run bobListens = net.cli("bob", "listen", "--once");
        assertThat(bobListens.out()).contains("\talice set disappearing messages to 1 hour" + System.lineSeparator() + "system\t");
        assertThat(bobListens.out()).contains(expiring + "\tgone in an hour" + System.lineSeparator() + "expires\t" + expiring + "\t");
    }
}
