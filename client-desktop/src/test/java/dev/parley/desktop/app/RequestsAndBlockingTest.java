package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.event.TypingChangedEvent;
import dev.parley.desktop.service.BlockedUserException;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.Contact;
import dev.parley.desktop.storage.IdentityChangeState;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #14, message requests and blocking: Alice, Bob and Mallory over the real relay. */
class RequestsAndBlockingTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long "nothing came back" is watched for: far longer than a receipt takes on loopback. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aRequestGetsNothingBackUntilAcceptedThenReceiptsFlow() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        List<TypingChangedEvent> aliceSawTyping = new CopyOnWriteArrayList<>();
        alice.events().subscribe(TypingChangedEvent.class, aliceSawTyping::add);

        MessageId first = alice.messaging().send("bob", "hello, may I write to you?").messageId();
        assertThat(Await.until(() -> history(bob, "alice").size() == 1, WAIT)).isTrue();
        assertThat(bob.contacts().requests()).extracting(Contact::username).containsExactly("alice");
        Message received = history(bob, "alice").get(0);
        bob.messaging().markRead("alice", received.cursor());
        bob.messaging().setTyping("alice", true);
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        Thread.sleep(QUIET.toMillis());
        assertThat(state(alice, first)).as("no delivery or read receipt goes to a request").isEqualTo(MessageState.SENT);
        assertThat(aliceSawTyping).as("no typing goes to a request").isEmpty();

        assertThat(bob.contacts().accept("alice").identityChange()).isEqualTo(IdentityChangeState.NONE);
        assertThat(bob.contacts().requests()).isEmpty();
        assertThat(Await.until(() -> state(alice, first) == MessageState.DELIVERED, WAIT))
                .as("the delivery receipt owed while it was a request goes once accepted; the read receipt never").isTrue();
        MessageId second = alice.messaging().send("bob", "thanks for accepting").messageId();
        assertThat(Await.until(() -> state(alice, second) == MessageState.DELIVERED, WAIT))
                .as("an accepted contact gets delivery receipts").isTrue();
        assertThat(state(alice, first)).isEqualTo(MessageState.DELIVERED);
        bob.messaging().setTyping("alice", true);
        assertThat(Await.until(() -> !aliceSawTyping.isEmpty(), WAIT)).isTrue();
    }

    @Test
    void addingTheRequesterIsAnImplicitAccept() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "hi");
        assertThat(Await.until(() -> history(bob, "alice").size() == 1, WAIT)).isTrue();
        assertThat(bob.contacts().add("alice").identityChange()).isEqualTo(IdentityChangeState.NONE);
        assertThat(bob.contacts().requests()).isEmpty();
        assertThatThrownBy(() -> bob.contacts().accept("carol")).isInstanceOf(UnknownContactException.class);
    }

    @Test
    void blockingARequestDeletesItAndDropsEverythingFromThemDuringAnOfflinePickupOfTenThousand() throws Exception {
        ParleyApp bob = network.register("bob");
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            bob.connection().start();
            mallory.sendTextAs("mallory", "bob", "buy my pineapples");
            assertThat(Await.until(() -> requests(bob).contains("mallory"), WAIT)).isTrue();

            assertThat(bob.contacts().block("mallory")).isTrue();
            assertThat(bob.contacts().block("mallory")).isFalse();
            assertThat(bob.contacts().blocked()).containsExactly("mallory");
            assertThat(requests(bob)).as("blocking a request deletes it").isEmpty();
            assertThat(history(bob, "mallory")).isEmpty();
            assertThat(bob.messaging().search("pineapples", Optional.empty(), 10)).isEmpty();

            bob.close();
            // the flood is exactly the relay's queue quota: start it once the first message's ack has landed
            assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
            mallory.floodTexts("bob", 10_000, 500);
            assertThat(network.relayQueued()).isEqualTo(10_000);
            ParleyApp bobAgain = network.unlock("bob");
            bobAgain.connection().start();
            assertThat(bobAgain.connection().awaitDrained(Duration.ofSeconds(120))).isTrue();
            assertThat(Await.until(() -> network.relayQueued() == 0, WAIT))
                    .as("every envelope from the blocked sender is acknowledged").isTrue();
            assertThat(history(bobAgain, "mallory")).isEmpty();
            assertThat(bobAgain.contacts().list()).isEmpty();
            assertThat(bobAgain.crypto().storage().transactions().transactionWithResult(true, (Transaction txn) ->
                    bobAgain.crypto().storage().heldEnvelopes().count(txn, "mallory")
                            + bobAgain.crypto().storage().messages().conversations(txn).size())).isZero();
        }
    }

    @Test
    void aBlockedContactReceivesNothingAndTheirMessagesAreDroppedUntilUnblocked() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "before the block");
        assertThat(Await.until(() -> history(bob, "alice").size() == 1, WAIT)).isTrue();

        assertThat(bob.contacts().block("alice")).isTrue();
        assertThat(bob.contacts().get("alice").username()).as("a blocked contact stays a contact").isEqualTo("alice");
        assertThatThrownBy(() -> bob.messaging().send("alice", "hi")).isInstanceOf(BlockedUserException.class);
        assertThatThrownBy(() -> bob.contacts().add("alice")).isInstanceOf(BlockedUserException.class);
        MessageId dropped = alice.messaging().send("bob", "while blocked").messageId();
        assertThat(Await.until(() -> state(alice, dropped) == MessageState.SENT, WAIT)).isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        Thread.sleep(QUIET.toMillis());
        assertThat(history(bob, "alice")).extracting(Message::body).containsExactly("before the block");
        assertThat(state(alice, dropped)).as("the blocked sender is not told (no receipt)").isEqualTo(MessageState.SENT);

        assertThat(bob.contacts().unblock("alice")).isTrue();
        assertThat(bob.contacts().unblock("alice")).isFalse();
        alice.messaging().send("bob", "after the block");
        assertThat(Await.until(() -> history(bob, "alice").size() == 2, WAIT)).isTrue();
        assertThat(history(bob, "alice")).extracting(Message::body).containsExactly("before the block", "after the block");
        bob.messaging().send("alice", "welcome back");
        assertThat(Await.until(() -> history(alice, "bob").size() == 4, WAIT)).isTrue();
    }

    @Test
    void removingAContactWithItsHistoryDeletesMessagesAndSearchWords() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "the pineapple plan");
        assertThat(Await.until(() -> history(bob, "alice").size() == 1, WAIT)).isTrue();
        bob.messaging().send("alice", "pineapple agreed");

        assertThat(bob.contacts().remove("alice", false)).isZero();
        assertThat(bob.contacts().list()).isEmpty();
        assertThat(history(bob, "alice")).as("the history stays unless asked").hasSize(2);
        assertThatThrownBy(() -> bob.contacts().remove("alice", false)).isInstanceOf(UnknownContactException.class);
        assertThat(bob.contacts().remove("alice", true)).isEqualTo(2);
        assertThat(history(bob, "alice")).isEmpty();
        assertThat(bob.messaging().search("pineapple", Optional.empty(), 10)).isEmpty();
        assertThatThrownBy(() -> bob.contacts().remove("alice", true)).isInstanceOf(UnknownContactException.class);
    }

    private static List<String> requests(ParleyApp app) {
        try {
            return app.contacts().requests().stream().map(Contact::username).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Message> history(ParleyApp app, String contact) {
        try {
            List<Message> page = new java.util.ArrayList<>(app.messaging().history(contact, Optional.<MessageCursor>empty(), 100).messages());
            java.util.Collections.reverse(page);
            return page;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageState state(ParleyApp app, MessageId id) {
        try {
            return app.crypto().storage().transactions().transactionWithResult(true,
                    (Transaction txn) -> app.crypto().storage().messages().find(txn, id).orElseThrow().state());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
