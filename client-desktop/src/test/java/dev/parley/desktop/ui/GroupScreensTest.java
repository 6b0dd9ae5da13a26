package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.event.GroupTypingChangedEvent;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.ui.common.UiServices;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15's desktop screens over real services and a real relay: "New group" (title, members picked from the
 * contacts), the group in the conversation list and the chat header with its member count, a text from the composer
 * (its typing reaches the member), its ticks moving live and Message info's "Read by N of M" following a receipt while
 * open, another member's typing in the header, another member's message with their name above the bubble, and group info adding and removing a member, whose
 * system lines show centred in the chat; an invite link and a join request approved; and the header of a member an admin
 * removed ("You were removed from this group").
 */
@DesktopTest
class GroupScreensTest {
    private UiTestNetwork net;
    private DesktopFixture app;
    private ParleyApp bob;
    private ParleyApp carol;

    @BeforeEach
    void setUp() throws Exception {
        bob = net.otherClient("bob");
        carol = net.otherClient("carol");
        ProfileSessions sessions = app.sessions;
        net.createProfile(sessions, "alice");
        UiServices alice = sessions.session().services();
        alice.addContact("bob");
        alice.addContact("carol");
        sessions.lock();
        app.start("alice");
        app.unlock();
    }

    @Test
    void createAGroupChatInItAndAddAndRemoveAMember() throws Exception {
        app.waitUntil(() -> app.robot.lookup("bob").tryQuery().isPresent());
        app.robot.clickOn("#newGroupButton");
        app.waitUntil(() -> app.showing("#pick-bob") && app.showing("#pick-carol"));
        app.robot.clickOn("#groupTitle").write("Climbing club");
        app.robot.clickOn("#pick-bob");
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "groups-new");
        app.robot.clickOn("#createGroup");
        app.waitUntil(() -> app.shell().openDialogs().isEmpty() && text("#chatTitle").equals("Climbing club")
                && text("#chatSubtitle").equals("2 members") && app.showing("#groupInfoButton")
                && !app.showing("#safetyButton"));
        app.waitUntil(() -> systemLine("alice created the group"));
        assertThat(app.robot.lookup(".conversation-members").queryAll().stream()
                .anyMatch(n -> n.isVisible() && "\u00B7 2".equals(((Labeled) n).getText()))).isTrue();

        StoredGroup group = awaitGroup(bob);
        String conversation = "#" + group.state().id().hex();
        List<GroupTypingChangedEvent> bobSaw = new CopyOnWriteArrayList<>();
        bob.events().subscribe(GroupTypingChangedEvent.class, bobSaw::add);
        app.robot.clickOn("#composer").write("hello climbers");
        app.robot.type(KeyCode.ENTER);
        assertThat(UiTestNetwork.await(() -> has(bob, conversation, "hello climbers"), DesktopFixture.TIMEOUT)).isTrue();
        assertThat(UiTestNetwork.await(() -> bobSaw.contains(new GroupTypingChangedEvent(conversation, "alice", true)),
                DesktopFixture.TIMEOUT)).as("typing in the composer reached bob").isTrue();

        // ticks move live (bob is everyone else here): two ticks when delivered, and Message info follows receipts
        app.waitUntil(() -> ownTick().map(t -> "\u2713\u2713".equals(t.getText())).orElse(false));
        app.robot.rightClickOn(".outgoing");
        app.waitUntil(() -> app.robot.lookup("Message info").tryQuery().isPresent());
        app.robot.clickOn("Message info");
        app.waitUntil(() -> app.showing("#messageInfo") && text("#info-readBy").equals("Read by 0 of 1")
                && text("#info-deliveredTo").equals("Delivered to 1 of 1") && text("#info-member-bob").equals("bob"));
        bob.contacts().add("alice");
        Message hello = bob.messaging().history(conversation, Optional.empty(), 20).messages().stream()
                .filter(m -> m.body().equals("hello climbers")).findFirst().orElseThrow();
        bob.messaging().markRead(conversation, hello.cursor());
        app.waitUntil(() -> text("#info-readBy").equals("Read by 1 of 1") && text("#info-read-bob").startsWith("Today ")
                && ownTick().map(t -> t.getStyleClass().contains("read")).orElse(false));
        Node info = app.robot.lookup("#messageInfo").query();
        app.screenshot(info.getScene(), "groups-message-info");
        app.fx(() -> info.getScene().getWindow().hide());

        // bob types: the header says so until his message arrives
        bob.messaging().setTyping(conversation, true);
        app.waitUntil(() -> text("#chatSubtitle").equals("bob is typing\u2026"));
        app.screenshot("groups-typing");
        bob.groups().send(conversation, "hi from bob, see you at the wall");
        app.waitUntil(() -> app.robot.lookup(".bubble-sender").queryAll().stream()
                .anyMatch(n -> n.isVisible() && "bob".equals(((Labeled) n).getText()))
                && text("#chatSubtitle").equals("2 members"));
        app.screenshot("groups-chat");

        app.robot.clickOn("#groupInfoButton");
        app.waitUntil(() -> app.showing("#remove-bob") && app.showing("#add-carol"));
        app.robot.clickOn("#add-carol");
        app.robot.clickOn("#addMembers");
        app.waitUntil(() -> app.showing("#remove-carol") && !app.showing("#add-carol"));
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "groups-info");
        app.robot.clickOn("#remove-bob");
        app.waitUntil(() -> !app.showing("#remove-bob") && text("#groupInfoCount").equals("2 members"));
        app.robot.clickOn("#groupInfoDone");
        app.waitUntil(() -> app.shell().openDialogs().isEmpty() && systemLine("alice added carol")
                && systemLine("alice removed bob") && text("#chatSubtitle").equals("2 members"));
        assertThat(UiTestNetwork.await(() -> {
            try {
                return !bob.groups().find(conversation).active() && carol.groups().find(conversation).active();
            } catch (Exception e) {
                return false;
            }
        }, DesktopFixture.TIMEOUT)).isTrue();
        app.screenshot("groups-system-lines");
    }

    @Test
    void anInviteLinkWithQrCodeAndApprovalOfAJoinRequest() throws Exception {
        ParleyApp dave = net.otherClient("dave");
        String club = app.sessions.session().groups().create("Climbing club", java.util.List.of("bob"));
        // made outside the window (own changes raise no event): the list reloads as after an unlock
        app.fx(() -> app.shell().mainViewModel().orElseThrow().conversations().refresh());
        app.waitUntil(() -> app.robot.lookup("Climbing club").tryQuery().isPresent());
        app.robot.clickOn("Climbing club");
        app.waitUntil(() -> app.showing("#groupInfoButton"));
        app.robot.clickOn("#groupInfoButton");
        app.waitUntil(() -> app.showing("#inviteLinkButton"));
        app.robot.clickOn("#inviteLinkButton");
        app.waitUntil(() -> app.showing("#showInviteLink"));
        app.robot.clickOn("#approvalToggle");
        app.waitUntil(() -> systemLine("alice changed the group settings: everyone posts, admins approve"));
        app.robot.clickOn("#showInviteLink");
        app.waitUntil(() -> app.showing("#inviteQr") && text("#inviteLink").startsWith("parley://join/"));
        String link = ((javafx.scene.control.TextField) app.robot.lookup("#inviteLink").query()).getText();
        app.screenshot(app.shell().openDialogs().get(app.shell().openDialogs().size() - 1).getScene(),
                "groups-invite-link");
        app.robot.clickOn("#inviteDone");

        assertThat(dave.groups().join(link)).isEqualTo("Climbing club");
        app.waitUntil(() -> app.showing("#approve-dave"));
        app.screenshot(app.shell().openDialogs().get(0).getScene(), "groups-join-request");
        app.robot.clickOn("#approve-dave");
        app.waitUntil(() -> app.showing("#remove-dave") && !app.showing("#approve-dave"));
        assertThat(UiTestNetwork.await(() -> {
            try {
                return !dave.groups().list().isEmpty() && dave.groups().list().get(0).active();
            } catch (Exception e) {
                return false;
            }
        }, DesktopFixture.TIMEOUT)).isTrue();

        // bob, made an admin, removes alice: her header says she was removed (it said "You left this group")
        app.robot.clickOn("#groupInfoDone");
        app.sessions.session().groups().setAdmin(club, "bob", true);
        assertThat(UiTestNetwork.await(() -> {
            try {
                StoredGroup held = bob.groups().find(club);
                return held.state().isAdmin("bob") && held.state().isMember("dave");
            } catch (Exception e) {
                return false;
            }
        }, DesktopFixture.TIMEOUT)).as("bob holds the state that makes him an admin").isTrue();
        bob.groups().remove(club, java.util.List.of("alice"));
        app.waitUntil(() -> app.shell().openDialogs().isEmpty() && systemLine("bob removed alice")
                && text("#chatSubtitle").equals("You were removed from this group (2 members)"));
        assertThat(app.sessions.session().groups().details(club).removed()).isTrue();
        app.screenshot("groups-removed");
    }

    /** The tick of alice's one message, if it shows. */
    private Optional<Labeled> ownTick() {
        return app.robot.lookup(".tick").queryAll().stream().filter(Node::isVisible).map(n -> (Labeled) n).findFirst();
    }

    private String text(String query) {
        return app.robot.lookup(query).tryQuery().map(n -> n instanceof javafx.scene.control.TextField f ? f.getText()
                : ((Labeled) n).getText()).orElse("");
    }

    private boolean systemLine(String text) {
        return app.robot.lookup(".system-line").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Labeled) n).getText().startsWith(text));
    }

    private static StoredGroup awaitGroup(ParleyApp member) throws Exception {
        assertThat(UiTestNetwork.await(() -> {
            try {
                return !member.groups().list().isEmpty();
            } catch (Exception e) {
                return false;
            }
        }, DesktopFixture.TIMEOUT)).isTrue();
        return member.groups().list().get(0);
    }

    private static boolean has(ParleyApp member, String conversation, String text) {
        try {
            return member.messaging().history(conversation, Optional.empty(), 20).messages().stream()
                    .anyMatch(m -> m.body().equals(text));
        } catch (Exception e) {
            return false;
        }
    }
}
