package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationMarks;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signal's rule: a new incoming message brings an archived conversation back; a conversation that is muted and
 * archived stays archived. Bob's and Carol's messages to Alice over the real relay.
 */
class ArchivedConversationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void anIncomingMessageUnarchivesUnlessTheConversationIsAlsoMuted() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        ParleyApp carol = network.register("carol");
        alice.contacts().add("bob");
        alice.contacts().add("carol");
        bob.contacts().add("alice");
        carol.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        carol.connection().start();

        alice.conversationMarks().archive("bob", true);
        alice.conversationMarks().archive("carol", true);
        alice.conversationMarks().mute("carol", true);
        alice.messaging().send("bob", "see you");
        assertThat(Await.until(() -> MessageActionsTest.history(bob, "alice").size() == 1, WAIT)).isTrue();
        assertThat(alice.conversationMarks().marks("bob").archived()).as("our own message keeps it archived").isTrue();

        bob.messaging().send("alice", "are you there?");
        carol.messaging().send("alice", "news from carol");
        assertThat(Await.until(() -> MessageActionsTest.history(alice, "bob").size() == 2
                && MessageActionsTest.history(alice, "carol").size() == 1, WAIT)).isTrue();
        assertThat(alice.conversationMarks().marks("bob")).isEqualTo(ConversationMarks.NONE);
        assertThat(alice.conversationMarks().marks("carol")).as("muted and archived stays archived")
                .isEqualTo(new ConversationMarks(true, true));
    }
}
