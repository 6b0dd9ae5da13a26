package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.app.ParleyApp;
import dev.parley.desktop.net.RelayAddress;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.MessageView;
import dev.parley.desktop.ui.common.UiServices;
import dev.parley.desktop.ui.groups.GroupsGateway;
import dev.parley.desktop.ui.unlock.NewProfile;
import dev.parley.desktop.ui.unlock.RelayChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop's group screens call (issue #15), over real services and a real relay, without the toolkit: the
 * conversation list's group entries, sending, replying, reacting, editing and deleting in a group through the same
 * {@link UiServices} methods a contact's chat uses, sender names on incoming bubbles, and the group info's changes.
 */
class GroupChatOverRealServicesTest {
    @TempDir
    Path tmp;

    private UiTestNetwork net;
    private ProfileSessions sessions;
    private UiServices alice;
    private GroupsGateway aliceGroups;
    private ParleyApp bob;
    private ParleyApp carol;

    @BeforeEach
    void setUp() throws Exception {
        net = new UiTestNetwork(tmp);
        bob = net.otherClient("bob");
        carol = net.otherClient("carol");
        sessions = net.desktopSessions();
        sessions.create("alice", new NewProfile("alice", UiTestNetwork.PASSPHRASE.toCharArray(), RelayChoice.REMOTE,
                Optional.of(new RelayAddress(net.relay.uri(), Optional.empty())), Optional.empty()));
        alice = sessions.session().services();
        aliceGroups = sessions.session().groups();
        alice.addContact("bob");
        alice.addContact("carol");
    }

    @AfterEach
    void tearDown() throws Exception {
        sessions.close();
        net.close();
    }

    @Test
    void aGroupChatsRepliesReactsEditsDeletesAndChangesItsMembers() throws Exception {
        // what the open chat hears: the lines of alice's own changes, made from the group info, come as events too
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        sessions.session().bus().subscribe(dev.parley.desktop.event.MessageReceivedEvent.class,
                e -> heard.add(e.message().body()));
        assertThat(aliceGroups.contacts()).containsExactly("bob", "carol");
        String group = aliceGroups.create("Climbing", List.of("bob"));
        assertThat(group).startsWith("#");

        ContactView listed = alice.groups().get(0);
        assertThat(listed.username()).isEqualTo(group);
        assertThat(listed.shownName()).isEqualTo("Climbing");
        assertThat(listed.group().members()).isEqualTo(2);
        assertThat(alice.contact(group)).isEqualTo(listed);
        assertThat(alice.contacts()).extracting(ContactView::username).containsExactly("bob", "carol");

        MessageView hello = alice.send(group, "hello climbers");
        assertThat(hello.contact()).isEqualTo(group);
        assertThat(hello.sender()).as("own bubbles do not name their sender").isEmpty();
        await(() -> bobHas(group, "hello climbers"));

        // A file from the paperclip of a group's chat: one upload shared by pointer (issue #15).
        Path route = java.nio.file.Files.writeString(tmp.resolve("route.gpx"), "<gpx>the crag</gpx>");
        MessageView file = alice.sendFile(group, route, "the route",
                dev.parley.desktop.service.AttachmentService.TransferProgress.NONE);
        assertThat(file.attachment()).isPresent();
        await(() -> bob.attachments().attachment(new MessageId(file.id())).isPresent());
        Path saved = bob.attachments().save(new MessageId(file.id()), tmp.resolve("bob-route.gpx"),
                dev.parley.desktop.service.AttachmentService.TransferProgress.NONE);
        assertThat(java.nio.file.Files.readString(saved)).isEqualTo("<gpx>the crag</gpx>");

        Message fromBob = bob.groups().send(group, "hi from bob");
        await(() -> !alice.recent(group, 10).newestFirst().isEmpty()
                && alice.recent(group, 10).newestFirst().get(0).text().equals("hi from bob"));
        MessageView bobsBubble = alice.recent(group, 10).newestFirst().get(0);
        assertThat(bobsBubble.sender()).isEqualTo("bob");
        assertThat(bobsBubble.showsSender()).isTrue();

        MessageView reply = alice.reply(bobsBubble, "welcome back");
        assertThat(reply.quote()).isPresent();
        await(() -> bob.messaging().message(new MessageId(reply.id())).flatMap(Message::replyTo)
                .map(q -> q.target().equals(fromBob.messageId())).orElse(false));

        alice.react(bobsBubble, "👍", false);
        await(() -> bob.messaging().reactions(fromBob.messageId()).stream()
                .anyMatch(r -> r.reactor().equals("alice") && r.emoji().equals("👍")));

        alice.edit(hello, "hello, climbers!");
        await(() -> bobHas(group, "hello, climbers!"));
        alice.deleteForEveryone(reply);
        await(() -> bob.messaging().message(new MessageId(reply.id())).map(Message::deleted).orElse(false));

        alice.setTyping(group, true); // to bob, the only other member of a group of at most 20
        alice.markRead(bobsBubble);
        await(() -> alice.info(hello.id()).map(i -> i.readBy() == 0 && i.deliveredTo() == 1).orElse(false));
        assertThat(alice.info(hello.id()).orElseThrow().members()).extracting(UiServices.MemberState::member)
                .containsExactly("bob");

        alice.setDisappearing(group, DisappearingTimer.HOUR_1);
        assertThat(alice.disappearing(group)).isEqualTo(DisappearingTimer.HOUR_1);
        await(() -> bob.groups().find(group).state().timerSeconds() == 3_600);

        GroupsGateway.Details added = aliceGroups.add(group, List.of("carol"));
        assertThat(added.members()).extracting(GroupsGateway.Member::username).containsExactly("alice", "bob", "carol");
        GroupsGateway.Details promoted = aliceGroups.setAdmin(group, "carol", true);
        assertThat(promoted.members()).filteredOn(GroupsGateway.Member::admin)
                .extracting(GroupsGateway.Member::username).containsExactly("alice", "carol");
        GroupsGateway.Details removed = aliceGroups.remove(group, "bob");
        assertThat(removed.members()).extracting(GroupsGateway.Member::username).containsExactly("alice", "carol");
        GroupsGateway.Details renamed = aliceGroups.rename(group, "Bouldering");
        assertThat(renamed.title()).isEqualTo("Bouldering");
        assertThat(renamed.meAdmin()).isTrue();
        await(() -> carol.groups().find(group).state().title().equals("Bouldering"));
        await(() -> !bob.groups().find(group).active());
        assertThat(alice.recent(group, 20).newestFirst()).filteredOn(MessageView::system).extracting(MessageView::text)
                .contains("alice added carol", "alice removed bob", "alice made carol an admin",
                        "alice renamed the group to \"Bouldering\"", "alice set disappearing messages to 1 hour");

        assertThat(heard).contains("alice added carol", "alice removed bob", "alice renamed the group to \"Bouldering\"");

        // "Delete messages" (the list's Delete, as Signal): the history goes, alice stays, the next message lands
        assertThat(alice.deleteConversation(group)).isPositive();
        assertThat(alice.recent(group, 20).newestFirst()).isEmpty();
        assertThat(alice.contact(group).canSend()).isTrue();
        carol.groups().send(group, "still there, alice?");
        await(() -> !alice.recent(group, 10).newestFirst().isEmpty()
                && alice.recent(group, 10).newestFirst().get(0).text().equals("still there, alice?"));

        GroupsGateway.Details left = aliceGroups.leave(group);
        assertThat(left.active()).isFalse();
        assertThat(alice.contact(group).canSend()).isFalse();
        assertThat(alice.contact(group).composerBlock()).contains("main.composer.left");
        await(() -> carol.groups().find(group).state().members().size() == 1);
        // a group she left goes from the list with its messages
        assertThat(alice.deleteConversation(group)).isPositive();
        assertThat(alice.groups()).isEmpty();
        assertThat(alice.recent(group, 20).newestFirst()).isEmpty();

        // "Leave and delete": carol's own group, which she is still in
        String other = carol.groups().create("Chess", List.of("alice")).state().id().hex();
        await(() -> alice.groups().size() == 1);
        alice.deleteGroupConversation("#" + other, true);
        assertThat(alice.groups()).isEmpty();
        await(() -> carol.groups().find(other).state().members().size() == 1);
    }

    private boolean bobHas(String group, String text) throws Exception {
        return bob.messaging().history(group, Optional.empty(), 20).messages().stream()
                .anyMatch(m -> m.body().equals(text));
    }

    private static void await(Callable<Boolean> condition) throws InterruptedException {
        assertThat(UiTestNetwork.await(() -> {
            try {
                return condition.call();
            } catch (Exception e) {
                return false;
            }
        }, DesktopFixture.TIMEOUT)).isTrue();
    }
}
