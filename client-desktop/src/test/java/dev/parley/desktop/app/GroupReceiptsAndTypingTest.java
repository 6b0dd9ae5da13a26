package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.GroupTypingChangedEvent;
import dev.parley.desktop.event.MemberReceiptEvent;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MemberReceipt;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #15 item 2 over the real relay: group members send their delivery and read receipts pairwise to the author,
 * who keeps them per member ("Read by 1 of 2"); typing goes to a group of at most 20 members and not to a larger one.
 */
class GroupReceiptsAndTypingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    private static List<MemberReceipt> receipts(ParleyApp app, MessageId id) {
        try {
            return app.messaging().memberReceipts(id);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Optional<Message> find(ParleyApp app, String conversation, String body) {
        try {
            return app.messaging().history(conversation, Optional.empty(), 50).messages().stream()
                    .filter(m -> m.body().equals(body)).findFirst();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private long ephemeralPushes() {
        for (String line : network.relay.metrics().render().split("\n")) {
            if (line.startsWith("parley_relay_ephemeral_total ")) {
                return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
            }
        }
        throw new AssertionError("no ephemeral metric");
    }

    @Test
    void membersReceiptsReachTheAuthorPerMemberAndTypingSkipsAGroupOfMoreThanTwenty() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        ParleyApp carol = network.register("carol");
        for (ParleyApp app : List.of(alice, bob, carol)) {
            app.connection().start();
        }
        List<MessageStateChangedEvent> states = new CopyOnWriteArrayList<>();
        List<MemberReceiptEvent> memberReceipts = new CopyOnWriteArrayList<>();
        alice.events().subscribe(MessageStateChangedEvent.class, states::add);
        alice.events().subscribe(MemberReceiptEvent.class, memberReceipts::add);
        GroupState trio = alice.groups().create("Trio", List.of("bob", "carol")).state();
        String conversation = ConversationId.group(trio.id()).value();
        MessageId hello = alice.groups().send("Trio", "hello trio").messageId();
        assertThat(Await.until(() -> find(bob, conversation, "hello trio").isPresent()
                && find(carol, conversation, "hello trio").isPresent(), WAIT)).isTrue();
        assertThat(Await.until(() -> receipts(alice, hello).stream().allMatch(r -> r.delivered().isPresent()), WAIT))
                .as("both delivery receipts reached alice").isTrue();
        assertThat(receipts(alice, hello)).extracting(MemberReceipt::member).containsExactly("bob", "carol");
        assertThat(Await.until(() -> state(alice, hello) == MessageState.DELIVERED, WAIT))
                .as("delivered to all: two ticks").isTrue();

        bob.messaging().markRead(conversation, find(bob, conversation, "hello trio").orElseThrow().cursor());
        assertThat(Await.until(() -> receipts(alice, hello).get(0).read().isPresent(), WAIT))
                .as("bob's read receipt reached alice").isTrue();
        assertThat(receipts(alice, hello).get(1).read()).as("carol has not read it").isEmpty();
        assertThat(state(alice, hello)).as("read by 1 of 2 is not read by all").isEqualTo(MessageState.DELIVERED);
        assertThat(receipts(bob, find(bob, conversation, "hello trio").orElseThrow().messageId()))
                .as("only the author keeps member receipts").isEmpty();
        carol.messaging().markRead(conversation, find(carol, conversation, "hello trio").orElseThrow().cursor());
        assertThat(Await.until(() -> state(alice, hello) == MessageState.READ, WAIT)).as("read by all").isTrue();
        // the open chat hears of each step under the group's conversation (not the member's name), and an open
        // Message info of every member's receipt; events are published after their commit, so the stored state can
        // be seen before its event
        assertThat(Await.until(() -> states.stream().anyMatch(e -> e.messageId().equals(hello)
                && e.state() == MessageState.READ), WAIT)).as("the READ event followed its commit").isTrue();
        assertThat(Await.until(() -> memberReceipts.stream().filter(e -> e.messageId().equals(hello)).count() >= 4,
                WAIT)).as("every member receipt's event followed its commit").isTrue();
        assertThat(states).filteredOn(e -> e.messageId().equals(hello)).extracting(MessageStateChangedEvent::contact)
                .isNotEmpty().containsOnly(conversation);
        assertThat(states).filteredOn(e -> e.messageId().equals(hello)).extracting(MessageStateChangedEvent::state)
                .containsSubsequence(MessageState.DELIVERED, MessageState.READ);
        assertThat(memberReceipts).filteredOn(e -> e.messageId().equals(hello)).hasSizeGreaterThanOrEqualTo(4)
                .extracting(MemberReceiptEvent::conversation).containsOnly(conversation);

        GroupId big;
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            List<GroupMember> members = new ArrayList<>(List.of(new GroupMember("mallory", GroupRole.ADMIN),
                    new GroupMember("alice", GroupRole.MEMBER), new GroupMember("bob", GroupRole.MEMBER)));
            for (int i = 1; members.size() < 21; i++) {
                members.add(new GroupMember("ghost" + i, GroupRole.MEMBER));
            }
            GroupState state = new GroupState(GroupId.random(TestNetwork.CRYPTO.random()), 1, "Big", "", 0, null,
                    members);
            big = state.id();
            GroupChange create = GroupChange.sign(TestNetwork.CRYPTO, mallory.identity, "mallory", GroupAction.CREATE,
                    state.usernames().subList(1, state.usernames().size()), state);
            mallory.sendAs("mallory", "alice", new Payload.GroupUpdate(create));
            mallory.sendAs("mallory", "bob", new Payload.GroupUpdate(create));
        }
        assertThat(Await.until(() -> hasGroup(alice, "Big") && hasGroup(bob, "Big"), WAIT)).isTrue();

        List<GroupTypingChangedEvent> bobSaw = new CopyOnWriteArrayList<>();
        List<GroupTypingChangedEvent> carolSaw = new CopyOnWriteArrayList<>();
        bob.events().subscribe(GroupTypingChangedEvent.class, bobSaw::add);
        carol.events().subscribe(GroupTypingChangedEvent.class, carolSaw::add);
        long before = ephemeralPushes();
        alice.messaging().setTyping(ConversationId.group(big).value(), true);
        alice.messaging().setTyping(conversation, true);
        assertThat(Await.until(() -> !bobSaw.isEmpty() && !carolSaw.isEmpty(), WAIT)).isTrue();
        assertThat(bobSaw).containsExactly(new GroupTypingChangedEvent(conversation, "alice", true));
        assertThat(ephemeralPushes() - before).as("typing went to bob and carol in Trio, nothing to Big's 21").isEqualTo(2);
    }

    private static List<dev.parley.desktop.storage.Contact> requests(ParleyApp app) {
        try {
            return app.contacts().requests();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static MessageState state(ParleyApp app, MessageId id) {
        try {
            return app.messaging().message(id).map(Message::state).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Issue #15 item 6: carol, a member bob added who is not alice's contact, sends alice her sender key and a group
     * message. The key is kept quietly (no message request, no contact) and her message, uploaded once, is read on the
     * key of the pairwise session her sender key came over; alice's delivery and read receipts reach carol the same way
     * (issue #15 session 6, item 1) without a request or a conversation on either side; a direct message from her
     * still opens a request.
     */
    @Test
    void aMemberWhoIsNoContactIsNoRequestAndTheirGroupMessagesArrive() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        ParleyApp carol = network.register("carol");
        for (ParleyApp app : List.of(alice, bob, carol)) {
            app.connection().start();
        }
        alice.contacts().add("bob");
        String conversation = ConversationId.group(bob.groups().create("Trio", List.of("alice", "carol")).state().id())
                .value();
        assertThat(Await.until(() -> hasGroup(alice, "Trio") && hasGroup(carol, "Trio"), WAIT)).isTrue();
        carol.groups().send(conversation, "hi from carol");
        assertThat(Await.until(() -> find(alice, conversation, "hi from carol").isPresent(), WAIT))
                .as("carol's group message reached alice").isTrue();
        assertThat(alice.contacts().requests()).as("a group member's sender key opens no request").isEmpty();
        assertThat(alice.contacts().list()).extracting(dev.parley.desktop.storage.Contact::username)
                .containsExactly("bob");

        // alice, who is not carol's contact, still sends her receipts pairwise over the session carol's key came over:
        // carol's message reaches "delivered to all" and "read by all", and nobody gains a request or a conversation
        MessageId hi = find(carol, conversation, "hi from carol").orElseThrow().messageId();
        assertThat(Await.until(() -> receipts(carol, hi).stream()
                .anyMatch(r -> r.member().equals("alice") && r.delivered().isPresent()), WAIT))
                .as("alice's delivery receipt reached carol").isTrue();
        assertThat(Await.until(() -> state(carol, hi) == MessageState.DELIVERED, WAIT))
                .as("delivered to all: two ticks").isTrue();
        alice.messaging().markRead(conversation, find(alice, conversation, "hi from carol").orElseThrow().cursor());
        assertThat(Await.until(() -> receipts(carol, hi).stream()
                .anyMatch(r -> r.member().equals("alice") && r.read().isPresent()), WAIT))
                .as("alice's read receipt reached carol").isTrue();
        assertThat(Await.until(() -> find(bob, conversation, "hi from carol").isPresent(), WAIT)).isTrue();
        bob.messaging().markRead(conversation, find(bob, conversation, "hi from carol").orElseThrow().cursor());
        assertThat(Await.until(() -> state(carol, hi) == MessageState.READ, WAIT)).as("read by all").isTrue();
        assertThat(alice.contacts().requests()).isEmpty();
        assertThat(alice.contacts().list()).extracting(dev.parley.desktop.storage.Contact::username)
                .containsExactly("bob");
        assertThat(alice.messaging().conversations()).extracting(c -> c.conversationId().value())
                .as("no direct conversation with carol").doesNotContain("carol");
        assertThat(requests(carol)).extracting(dev.parley.desktop.storage.Contact::username).doesNotContain("alice");
        assertThat(carol.messaging().conversations()).extracting(c -> c.conversationId().value())
                .doesNotContain("alice");

        carol.messaging().send("alice", "psst, alice");
        assertThat(Await.until(() -> !requests(alice).isEmpty(), WAIT)).isTrue();
        assertThat(alice.contacts().requests()).extracting(dev.parley.desktop.storage.Contact::username)
                .containsExactly("carol");
    }

    private static boolean hasGroup(ParleyApp app, String title) {
        try {
            return app.groups().list().stream().anyMatch(g -> g.state().title().equals(title));
        } catch (Exception e) {
            return false;
        }
    }
}
