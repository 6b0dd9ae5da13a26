package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.group.GroupAction;
import dev.parley.crypto.group.GroupChange;
import dev.parley.crypto.group.GroupCipher;
import dev.parley.crypto.group.GroupId;
import dev.parley.crypto.group.GroupMember;
import dev.parley.crypto.group.GroupRole;
import dev.parley.crypto.group.GroupState;
import dev.parley.crypto.group.SenderKeyState;
import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.StoredGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #15, bad input over the real relay: hostile group changes, sender keys and group messages from a member who
 * is no admin, from a removed member and from a group's own hostile admin are dropped, and none of them fails the
 * batch they arrive in (everything is acknowledged, the honest messages around them are stored).
 */
class GroupBadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    private static Payload.Text text(String body) {
        return new Payload.Text(MessageId.random(TestNetwork.CRYPTO.random()), System.currentTimeMillis(), body);
    }

    private static GroupChange signed(OutsideClient author, String name, GroupAction action, List<String> subjects,
                                      GroupState state) {
        return GroupChange.sign(TestNetwork.CRYPTO, author.identity, name, action, subjects, state);
    }

    @Test
    void hostileChangesKeysAndMessagesAreDroppedWithoutFailingTheBatch() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        alice.connection().start();
        GroupCipher cipher = new GroupCipher(TestNetwork.CRYPTO, TestNetwork.CRYPTO.random());
        OutsideClient mallory = OutsideClient.register(network, "mallory"); // stays online to take bob's receipts
        {
            GroupState hikers = alice.groups().create("Hikers", List.of("bob", "mallory")).state();
            GroupId id = hikers.id();
            assertThat(alice.connection().awaitDrained(WAIT)).isTrue();

            SenderKeyState key = cipher.create(id);
            mallory.sendAs("mallory", "bob", new Payload.SenderKey(key.distribution()));
            GroupCipher.Encrypted whileMember = cipher.encrypt(key, text("mallory while a member"));
            key = whileMember.next();
            mallory.sendAs("mallory", "bob", new Payload.GroupMessage(whileMember.message()));
            mallory.sendAs("mallory", "bob", new Payload.GroupMessage(whileMember.message()));       // replayed
            mallory.sendAs("mallory", "bob", new Payload.GroupUpdate(signed(mallory, "mallory",     // not an admin
                    GroupAction.RENAME, List.of(), hikers.with(2L, "Mallory's", null, null, null, null))));
            mallory.sendAs("mallory", "bob", new Payload.GroupUpdate(signed(mallory, "alice",       // not its author
                    GroupAction.RENAME, List.of(), hikers.with(2L, "Mallory's", null, null, null, null))));

            alice.groups().remove("Hikers", List.of("mallory"));
            assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
            mallory.sendAs("mallory", "bob", new Payload.GroupMessage(
                    cipher.encrypt(key, text("mallory after her removal")).message()));            // removed member
            SenderKeyState fresh = cipher.create(id);
            mallory.sendAs("mallory", "bob", new Payload.SenderKey(fresh.distribution()));          // not in the group
            mallory.sendAs("mallory", "bob", new Payload.GroupMessage(
                    cipher.encrypt(fresh, text("mallory with a new key")).message()));

            GroupState trap = new GroupState(GroupId.random(TestNetwork.CRYPTO.random()), 1, "Trap", "", 0, null,
                    List.of(new GroupMember("mallory", GroupRole.ADMIN), new GroupMember("bob", GroupRole.MEMBER)));
            mallory.sendAs("mallory", "bob", new Payload.GroupUpdate(signed(mallory, "mallory", GroupAction.CREATE,
                    List.of("bob"), trap)));
            mallory.sendAs("mallory", "bob", new Payload.GroupUpdate(signed(mallory, "mallory",     // skipped revision
                    GroupAction.RENAME, List.of(), trap.with(3L, "Skipped", null, null, null, null))));
            mallory.sendAs("mallory", "bob", new Payload.GroupUpdate(signed(mallory, "mallory",     // repeated revision
                    GroupAction.CREATE, List.of("bob"), trap.with(null, "Again", null, null, null, null))));
            mallory.sendAs("mallory", "bob", new Payload.GroupUpdate(signed(mallory, "mallory",     // the next one
                    GroupAction.RENAME, List.of(), trap.with(2L, "Trap renamed", null, null, null, null))));
            assertThat(mallory.acknowledgeAll()).as("the group's creation and her removal").isEqualTo(2);
        }
        alice.groups().send("Hikers", "after the hostile ones");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        mallory.acknowledgeAll();       // bob's delivery receipt for her text, sent while she was a member
        mallory.close();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("every envelope acknowledged").isTrue();

        StoredGroup hikers = bob.groups().find("Hikers");
        assertThat(hikers.state().revision()).isEqualTo(2);
        assertThat(hikers.state().usernames()).containsExactly("alice", "bob");
        List<String> bodies = new ArrayList<>(bob.messaging().history(ConversationId.group(hikers.state().id()).value(),
                Optional.empty(), 50).messages().stream().map(Message::body).toList());
        java.util.Collections.reverse(bodies);
        assertThat(bodies).containsExactly("alice created the group \"Hikers\"", "mallory while a member",
                "alice removed mallory", "after the hostile ones");
        StoredGroup trap = bob.groups().find("Trap renamed");
        assertThat(trap.state().revision()).isEqualTo(2);
    }

    @Test
    void aGroupOfMoreThanAThousandIsRefusedBeforeAnythingIsSent() throws Exception {
        ParleyApp alice = network.register("alice");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < GroupState.MAX_MEMBERS; i++) {
            many.add("user" + i);
        }
        assertThatThrownBy(() -> alice.groups().create("Too big", many)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 1000 members");
        assertThat(alice.groups().list()).isEmpty();
    }
}
