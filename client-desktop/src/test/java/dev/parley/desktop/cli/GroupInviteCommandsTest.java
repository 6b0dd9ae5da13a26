package dev.parley.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupInviteLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invite links and join requests (issue #15, docs/protocol.md 1.15.5) through the command line with a real relay: a
 * join admitted automatically, a join with a wrong secret and one after revocation dropped while the rest of the batch
 * is read, approval by an admin, and an announcement-only group whose members drop a non-admin's post.
 */
class GroupInviteCommandsTest {
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

    private String link(String profile, String... args) {
        String out = ok(profile, args).out();
        return out.lines().filter(l -> l.startsWith("link\t")).findFirst().orElseThrow().substring(5);
    }

    @Test
    void joinsByLinkAreAdmittedApprovedOrDroppedAndAnnouncementGroupsDropMembersPosts() {
        for (String name : new String[] {"alice", "bob", "carol", "dave", "erin"}) {
            user(name);
        }
        String group = ok("alice", "group", "create", "Climbing", "bob").out().split("\t")[1];
        String conversation = "#" + group;
        ok("bob", "listen", "--once");

        String link = link("alice", "group", "link", "Climbing");
        assertThat(link).startsWith("parley://join/");
        assertThat(link("alice", "group", "link", "Climbing")).as("the same link until revoked").isEqualTo(link);
        GroupInviteLink parsed = parse(link);
        assertThat(parsed.admin()).isEqualTo("alice");
        assertThat(parsed.title()).isEqualTo("Climbing");

        // carol joins with the link; dave with a forged one (right group, wrong secret); bob writes in between
        assertThat(ok("carol", "group", "join", link).out()).isEqualTo("join-requested\tClimbing" + NL);
        String forged = new GroupInviteLink(GroupId.fromHex(group), new byte[16], "alice", "Climbing").encode();
        ok("dave", "group", "join", forged);
        ok("bob", "send", "Climbing", "anyone for the wall tonight?");
        CliRelay.Run aliceReads = ok("alice", "listen", "--once");
        assertThat(aliceReads.out()).contains("carol asked to join with the invite link")
                .contains("\tanyone for the wall tonight?" + NL).doesNotContain("dave");
        ok("bob", "listen", "--once");
        CliRelay.Run carolIn = ok("carol", "listen", "--once");
        assertThat(carolIn.out()).contains("alice added carol");
        assertThat(ok("carol", "group", "list").out()).endsWith("\t3\tACTIVE" + NL);
        assertThat(ok("dave", "group", "list").out()).isEmpty();

        // after revocation the old link admits nobody
        ok("alice", "group", "link", "Climbing", "--revoke");
        ok("dave", "group", "join", link);
        assertThat(ok("alice", "listen", "--once").out()).doesNotContain("dave");
        assertThat(ok("alice", "group", "info", "Climbing").out()).doesNotContain("request\t");

        // with approval on, a request waits for an admin
        ok("alice", "group", "settings", "Climbing", "--approval", "on");
        String second = link("alice", "group", "link", "Climbing");
        assertThat(second).isNotEqualTo(link);
        ok("erin", "group", "join", second);
        assertThat(ok("alice", "listen", "--once").out()).contains("erin asked to join");
        assertThat(ok("alice", "group", "info", "Climbing").out()).endsWith("request\terin" + NL);
        assertThat(ok("alice", "group", "approve", "Climbing", "erin").out()).contains("\t4\tACTIVE");
        assertThat(ok("erin", "listen", "--once").out()).contains("alice added erin");
        assertThat(net.cli("alice", "group", "deny", "Climbing", "erin").code()).isNotZero();

        // announcement-only: bob posts before he learns of it; carol applies the setting first and drops his post
        assertThat(ok("alice", "group", "settings", "Climbing", "--announcements", "on").out())
                .endsWith("settings\tAPPROVAL\tADMINS-POST" + NL);
        ok("bob", "send", conversation, "sneaky post");
        ok("alice", "send", "Climbing", "route setting on friday");
        CliRelay.Run carolReads = ok("carol", "listen", "--once");
        assertThat(carolReads.out()).contains("only admins post").contains("\troute setting on friday" + NL)
                .doesNotContain("sneaky post");
        ok("bob", "listen", "--once");
        CliRelay.Run refused = net.cli("bob", "send", "Climbing", "another try");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("only admins post");
    }

    /**
     * Issue #15 item 5: a link names its maker and the group's other admins (up to three), and a join request goes to
     * each of them, so it is answered when the maker is no longer an admin.
     */
    @Test
    void aJoinRequestIsAnsweredByAnotherAdminTheLinkNamesWhenItsMakerIsNoLongerOne() {
        for (String name : new String[] {"alice", "bob", "dave"}) {
            user(name);
        }
        ok("alice", "group", "create", "Climbing", "bob");
        ok("alice", "group", "admin", "Climbing", "bob");
        String link = link("alice", "group", "link", "Climbing");
        assertThat(parse(link).admins()).containsExactly("alice", "bob");
        ok("bob", "listen", "--once");
        ok("bob", "group", "admin", "Climbing", "alice", "--revoke");
        ok("alice", "listen", "--once");
        assertThat(ok("alice", "group", "info", "Climbing").out()).contains("member\talice\tMEMBER" + NL);

        assertThat(ok("dave", "group", "join", link).out()).isEqualTo("join-requested\tClimbing" + NL);
        assertThat(ok("alice", "listen", "--once").out()).as("alice is no admin any more").doesNotContain("dave");
        assertThat(ok("bob", "listen", "--once").out()).contains("dave asked to join with the invite link");
        assertThat(ok("dave", "listen", "--once").out()).contains("bob added dave");
        assertThat(ok("dave", "group", "list").out()).endsWith("\t3\tACTIVE" + NL);
    }

    private static GroupInviteLink parse(String link) {
        try {
            return GroupInviteLink.parse(link);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
