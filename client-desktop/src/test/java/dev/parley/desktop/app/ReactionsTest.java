package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.event.ReactionsChangedEvent;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #12, reactions: Alice and Bob over the real relay, and hostile reactions that must not fail a batch. */
class ReactionsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aReactionArrivesReplacesTheEarlierOneAndCanBeRemoved() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        List<ReactionsChangedEvent> aliceSaw = new CopyOnWriteArrayList<>();
        alice.events().subscribe(ReactionsChangedEvent.class, aliceSaw::add);
        MessageId hello = alice.messaging().send("bob", "hello").messageId();
        assertThat(Await.until(() -> history(bob).size() == 1, WAIT)).isTrue();

        bob.messaging().react(hello, "👍", false);
        assertThat(Await.until(() -> emojis(alice, hello).equals(List.of("bob 👍")), WAIT)).isTrue();
        assertThat(Await.until(() -> aliceSaw.contains(new ReactionsChangedEvent("bob", hello)), WAIT)).isTrue();
        bob.messaging().react(hello, "👩‍👩‍👧", false);
        assertThat(Await.until(() -> emojis(alice, hello).equals(List.of("bob 👩‍👩‍👧")), WAIT))
                .as("one reaction per person per message: the new one replaces it").isTrue();
        alice.messaging().react(hello, "❤️", false);
        assertThat(Await.until(() -> emojis(bob, hello).equals(List.of("bob 👩‍👩‍👧", "alice ❤️")), WAIT)).isTrue();
        bob.messaging().react(hello, "👩‍👩‍👧", true);
        assertThat(Await.until(() -> emojis(alice, hello).equals(List.of("alice ❤️")), WAIT)).isTrue();
        assertThat(emojis(bob, hello)).containsExactly("alice ❤️");
        assertThat(alice.messaging().history("bob", Optional.empty(), 10).messages()).hasSize(1);
    }

    @Test
    void theSenderRefusesWhatIsNotOneEmojiOrNotAMessage() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob");
        alice.contacts().add("bob");
        MessageId hello = alice.messaging().send("bob", "hello").messageId();
        assertThatThrownBy(() -> alice.messaging().react(hello, "ok", false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> alice.messaging().react(hello, "👍 👍", false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> alice.messaging().react(hello, "x".repeat(1024), false)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> alice.messaging().react(new MessageId("00".repeat(16)), "👍", false))
                .isInstanceOf(InvalidInputException.class);
        assertThat(alice.messaging().reactions(hello)).isEmpty();
    }

    @Test
    void hostileReactionsAreIgnoredAndNeverFailTheBatch() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        alice.contacts().add("bob");
        alice.connection().start();
        MessageId hello = alice.messaging().send("bob", "hello").messageId();
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        dev.parley.crypto.payload.MessageId target = new dev.parley.crypto.payload.MessageId(HexFormat.of().parseHex(hello.value()));
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            mallory.sendAs("mallory", "bob", new Payload.Reaction(target, "😈", false));          // not a participant
            mallory.sendAs("mallory", "bob", new Payload.Reaction(target, "text", false));        // not an emoji
            mallory.sendAs("mallory", "bob", new Payload.Reaction(
                    dev.parley.crypto.payload.MessageId.random(TestNetwork.CRYPTO.random()), "👍", false)); // no such message
            mallory.sendAs("mallory", "bob", new Payload.Reaction(target, "👍", true));           // removing nothing
        }
        alice.messaging().send("bob", "after the hostile ones");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        assertThat(history(bob)).extracting(Message::body).containsExactly("after the hostile ones", "hello");
        assertThat(bob.messaging().reactions(hello)).isEmpty();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).as("every envelope acknowledged").isTrue();
    }

    /** Bob's conversation with alice, newest first. */
    private static List<Message> history(ParleyApp bob) {
        try {
            return bob.messaging().history("alice", Optional.empty(), 50).messages();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> emojis(ParleyApp app, MessageId id) {
        try {
            return app.messaging().reactions(id).stream().map(r -> r.reactor() + " " + r.emoji()).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
