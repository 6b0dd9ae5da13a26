package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #14's CLI, in-process against a real relay: requests, accept, block, unblock, blocked, remove-contact, profile. */
class PeopleCommandsTest {
    private static final String NL = System.lineSeparator();

    @RegisterExtension
    final CliRelay net = new CliRelay();

    private void ok(CliRelay.Run run) {
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void aRequestIsAcceptedBlockedUnblockedAndRemovedWithItsHistory() {
        String url = net.url();
        for (String name : new String[] {"alice", "bob"}) {
            ok(net.cli(name, "init", name, "--relay", url));
            ok(net.cli(name, "register"));
        }
        ok(net.cli("alice", "add-contact", "bob"));
        ok(net.cli("alice", "send", "bob", "pineapple", "plans"));
        ok(net.cli("bob", "listen", "--once"));

        assertThat(net.cli("bob", "requests").out()).isEqualTo("alice\tREQUEST" + NL);
        assertThat(net.cli("bob", "accept", "alice").out()).isEqualTo("alice\tUNVERIFIED" + NL);
        assertThat(net.cli("bob", "requests").out()).isEmpty();
        assertThat(net.cli("bob", "accept", "nobody").code()).isEqualTo(3);

        assertThat(net.cli("bob", "block", "alice").out()).isEqualTo("blocked" + NL);
        assertThat(net.cli("bob", "block", "alice").out()).isEqualTo("already blocked" + NL);
        assertThat(net.cli("bob", "blocked").out()).isEqualTo("alice" + NL);
        CliRelay.Run refused = net.cli("bob", "send", "alice", "hi");
        assertThat(refused.code()).isEqualTo(5);
        assertThat(refused.err()).contains("blocked");
        assertThat(net.cli("bob", "unblock", "alice").out()).isEqualTo("unblocked" + NL);
        assertThat(net.cli("bob", "unblock", "alice").out()).isEqualTo("not blocked" + NL);
        assertThat(net.cli("bob", "blocked").out()).isEmpty();
        assertThat(net.cli("bob", "block", "Not A Username").code()).isEqualTo(1);

        assertThat(net.cli("bob", "remove-contact", "alice", "--delete-history").out()).isEqualTo("removed\t1 messages deleted" + NL);
        assertThat(net.cli("bob", "history", "alice").out()).isEmpty();
        assertThat(net.cli("bob", "search", "pineapple").out()).isEmpty();
        assertThat(net.cli("bob", "remove-contact", "alice").code()).isEqualTo(3);
    }

    @Test
    void profilesAreSetShownAndNicknamedAndBadInputIsRefused() throws Exception {
        String url = net.url();
        for (String name : new String[] {"alice", "bob"}) {
            ok(net.cli(name, "init", name, "--relay", url));
            ok(net.cli(name, "register"));
        }
        Path picture = net.dir().resolve("me.png");
        ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        CliRelay.Run set = net.cli("alice", "profile", "set", "--name", "Alice \u202Eevil", "--about", "hi there", "--avatar", picture.toString());
        ok(set);
        assertThat(set.out()).startsWith("alice\tAlice evil\tAlice evil\thi there\t");
        assertThat(net.cli("alice", "profile", "show").out()).startsWith("alice\tAlice evil\t");

        ok(net.cli("alice", "add-contact", "bob"));
        ok(net.cli("alice", "send", "bob", "hello"));
        ok(net.cli("bob", "listen", "--once"));
        assertThat(net.cli("bob", "profile", "show", "alice").out()).startsWith("alice\tAlice evil\tAlice evil\thi there\t")
                .doesNotEndWith("\t0" + NL);
        assertThat(net.cli("bob", "profile", "nickname", "alice", "Sis").out()).startsWith("alice\tSis\tAlice evil\t");
        assertThat(net.cli("bob", "profile", "show", "nobody").code()).isEqualTo(3);

        assertThat(net.cli("alice", "profile", "set", "--name", "x".repeat(10_000)).code()).isEqualTo(1);
        Path text = Files.writeString(net.dir().resolve("not-an-image.png"), "hello");
        CliRelay.Run notImage = net.cli("alice", "profile", "set", "--avatar", text.toString());
        assertThat(notImage.code()).isEqualTo(1);
        assertThat(notImage.err()).contains("not a PNG");
        assertThat(net.cli("alice", "profile", "set").code()).as("nothing to change").isEqualTo(1);
    }

    @Test
    void lookupAndContactLinksFindPeopleAndRefuseAWrongFingerprintOrAnotherRelay() {
        String url = net.url();
        for (String name : new String[] {"alice", "bob", "carol"}) {
            ok(net.cli(name, "init", name, "--relay", url));
            ok(net.cli(name, "register"));
        }
        assertThat(net.cli("alice", "lookup", "bob").out()).isEqualTo("exists" + NL);
        CliRelay.Run missing = net.cli("alice", "lookup", "nobody");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.out()).isEqualTo("not found" + NL);
        assertThat(net.cli("alice", "lookup", "Not A Name").code()).isEqualTo(1);

        String bobLink = net.cli("bob", "contact-link").out().strip();
        assertThat(bobLink).startsWith("parley://add/bob?relay=").matches(".*&fp=[0-9]{30}$");
        assertThat(net.cli("alice", "add-contact", bobLink).out()).isEqualTo("bob\tVERIFIED" + NL);

        String carolLink = net.cli("carol", "contact-link").out().strip();
        String digits = carolLink.substring(carolLink.length() - 30);
        String wrong = carolLink.substring(0, carolLink.length() - 30) + (digits.charAt(0) == '1' ? '2' : '1') + digits.substring(1);
        CliRelay.Run refused = net.cli("alice", "add-contact", wrong);
        assertThat(refused.code()).isEqualTo(5);
        assertThat(refused.err()).contains("fingerprint in the link does not match");
        assertThat(net.cli("alice", "contacts").out()).doesNotContain("carol");

        String otherRelay = carolLink.replaceFirst("relay=[^&]+", "relay=ws%3A%2F%2F127.0.0.1%3A9%2Fparley");
        CliRelay.Run cross = net.cli("alice", "add-contact", otherRelay);
        assertThat(cross.code()).isEqualTo(1);
        assertThat(cross.err()).contains("another relay").contains("not supported yet");
        assertThat(net.cli("alice", "add-contact", "parley://add/carol?fp=123").code()).isEqualTo(1);
        assertThat(net.cli("alice", "add-contact", carolLink).out()).isEqualTo("carol\tVERIFIED" + NL);
    }

    @Test
    void everyPeopleCommandHasHelp() {
        for (String command : new String[] {"accept", "block", "unblock", "blocked", "remove-contact", "profile set",
            "profile show", "profile nickname", "lookup", "contact-link"}) {
            CliRelay.Run run = net.cli("alice", (command + " --help").split(" "));
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: parley-cli " + command);
        }
    }
}
