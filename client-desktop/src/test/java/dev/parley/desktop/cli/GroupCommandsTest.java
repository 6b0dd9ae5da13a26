package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The group commands in-process against a real relay (issue #15): three members chat, one is added, one removed. */
class GroupCommandsTest {
    private static final String NL = System.lineSeparator();

    @RegisterExtension
    final CliRelay net = new CliRelay();

    CliRelay.Run ok(String profile, String... args) {
        CliRelay.Run run = net.cli(profile, args);
        assertThat(run.code()).as(profile + " " + String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    void user(String name) {
        ok(name, "init", name, "--relay", net.url());
        ok(name, "register");
    }

    private static String idOf(CliRelay.Run sent) {
        return sent.out().strip().split("\t")[1];
    }

    @Test
    void threeMembersChatAndAnAddedOrRemovedMemberReadsOnlyWhatWasSentWhileInTheGroup() {
        for (String name : new String[] {"alice", "bob", "carol", "dave"}) {
            user(name);
        }
        CliRelay.Run created = ok("alice", "group", "create", "Climbing", "bob", "carol");
        String group = created.out().split("\t")[1];
        assertThat(created.out()).isEqualTo("group\t" + group + "\tClimbing\t1\t3\tACTIVE" + NL);
        String conversation = "#" + group;

        CliRelay.Run bobJoins = ok("bob", "listen", "--once");
        assertThat(bobJoins.out()).contains(conversation + "\tINCOMING\tREAD\t").contains("alice created the group");
        assertThat(ok("bob", "group", "list").out()).isEqualTo(created.out());
        assertThat(ok("bob", "group", "info", "Climbing").out()).isEqualTo(created.out()
                + "member\talice\tADMIN" + NL + "member\tbob\tMEMBER" + NL + "member\tcarol\tMEMBER" + NL);

        String hello = idOf(ok("alice", "send", "Climbing", "hello", "climbers"));
        assertThat(ok("bob", "listen", "--once").out()).contains(conversation + "\tINCOMING\t")
                .contains(hello + "\thello climbers" + NL);
        ok("bob", "send", conversation, "hi from bob");
        CliRelay.Run carolReads = ok("carol", "listen", "--once");
        assertThat(carolReads.out()).contains("alice created the group").contains("\thello climbers" + NL)
                .contains("\thi from bob" + NL);
        ok("carol", "react", hello, "👍");
        ok("carol", "send", "Climbing", "carol here");
        CliRelay.Run aliceReads = ok("alice", "listen", "--once");
        assertThat(aliceReads.out()).contains("\thi from bob" + NL).contains("\tcarol here" + NL);
        assertThat(ok("alice", "history", "Climbing").out()).contains("\thello climbers" + NL
                + "reaction\t" + hello + "\tcarol\t👍" + NL);
        assertThat(ok("alice", "info", hello).out()).as("bob's and carol's delivery receipts came with listen")
                .containsPattern("member\tbob\t20\\d\\d-[^\t]+\t-" + NL)
                .containsPattern("member\tcarol\t20\\d\\d-[^\t]+\t-" + NL);

        CliRelay.Run notAdmin = net.cli("bob", "group", "rename", "Climbing", "Bob's club");
        assertThat(notAdmin.code()).isNotZero();
        assertThat(notAdmin.err()).contains("only admins");

        assertThat(ok("alice", "group", "add", "Climbing", "dave").out())
                .isEqualTo("group\t" + group + "\tClimbing\t2\t4\tACTIVE" + NL);
        String welcome = idOf(ok("alice", "send", "Climbing", "welcome", "dave"));
        CliRelay.Run daveReads = ok("dave", "listen", "--once");
        assertThat(daveReads.out()).contains("alice added dave").contains(welcome + "\twelcome dave" + NL)
                .doesNotContain("hello climbers").doesNotContain("hi from bob");
        assertThat(ok("dave", "history", "Climbing").out()).doesNotContain("hello climbers")
                .contains("\twelcome dave" + NL);

        assertThat(ok("alice", "group", "remove", "Climbing", "carol").out())
                .isEqualTo("group\t" + group + "\tClimbing\t3\t3\tACTIVE" + NL);
        ok("alice", "send", "Climbing", "after carol left");
        java.nio.file.Path route = writeFile(net.dir().resolve("route.gpx"), "<gpx>the crag</gpx>");
        String file = idOf(ok("alice", "send-file", "Climbing", route.toString(), "--caption", "the route"));
        ok("bob", "listen", "--once");
        ok("bob", "send", "Climbing", "bob after the removal");
        CliRelay.Run carolAfter = ok("carol", "listen", "--once");
        assertThat(carolAfter.out()).contains("alice removed carol").doesNotContain("after carol left")
                .doesNotContain("bob after the removal").doesNotContain("route.gpx");
        assertThat(ok("carol", "group", "list").out()).as("removed by an admin, not left").endsWith("\tREMOVED" + NL);
        assertThat(ok("carol", "history", conversation).out()).doesNotContain("after");
        assertThat(net.cli("carol", "send", conversation, "still here?").code()).isNotZero();

        assertThat(ok("bob", "history", "Climbing").out()).contains("\tafter carol left" + NL)
                .contains("alice removed carol");
        CliRelay.Run daveAfter = ok("dave", "listen", "--once");
        assertThat(daveAfter.out()).contains("\tafter carol left" + NL).contains("\tbob after the removal" + NL);
        assertThat(daveAfter.out()).as("a file in a group: one upload, shared by pointer")
                .contains("attachment\t" + file + "\troute.gpx\t");
        java.nio.file.Path saved = net.dir().resolve("dave-route.gpx");
        ok("dave", "save", file, saved.toString());
        assertThat(readFile(saved)).isEqualTo("<gpx>the crag</gpx>");
    }

    private static java.nio.file.Path writeFile(java.nio.file.Path path, String content) {
        try {
            return java.nio.file.Files.writeString(path, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readFile(java.nio.file.Path path) {
        try {
            return java.nio.file.Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
