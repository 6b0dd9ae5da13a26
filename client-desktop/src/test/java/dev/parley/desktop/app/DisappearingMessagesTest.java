package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.UnknownContactException;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #12, disappearing messages: Alice and Bob over the real relay, a restart, and hostile timers. */
class DisappearingMessagesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void eitherSideSetsTheTimerAndMessagesDisappearOnBothSidesAlsoAcrossARestart() throws Exception {
        ShiftableClock clock = new ShiftableClock();
        network.clock = clock;
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        alice.messaging().send("bob", "before the timer");
        assertThat(Await.until(() -> history(bob, "alice").size() == 1, WAIT)).isTrue();

        alice.actions().setDisappearing("bob", DisappearingTimer.SECONDS_30);
        assertThat(alice.actions().disappearing("bob")).isEqualTo(DisappearingTimer.SECONDS_30);
        assertThat(history(alice, "bob").get(0).body()).isEqualTo("You set disappearing messages to 30 seconds");
        assertThat(history(alice, "bob").get(0).isSystem()).isTrue();
        assertThat(Await.until(() -> timer(bob, "alice") == DisappearingTimer.SECONDS_30, WAIT)).isTrue();
        assertThat(Await.until(() -> history(bob, "alice").size() == 2, WAIT)).isTrue();
        assertThat(history(bob, "alice").get(0).body()).isEqualTo("alice set disappearing messages to 30 seconds");

        Message secret = alice.messaging().send("bob", "a secret that goes away");
        assertThat(secret.expiresAt()).isEqualTo(secret.sentAt().plusSeconds(30));
        assertThat(Await.until(() -> history(bob, "alice").size() == 3, WAIT)).isTrue();
        Message reply = bob.actions().reply(secret.messageId(), "understood");
        assertThat(reply.expiresAt()).as("bob's messages carry the timer too").isNotNull();
        assertThat(Await.until(() -> history(bob, "alice").size() == 4 && history(alice, "bob").size() == 4, WAIT)).isTrue();
        assertThat(history(bob, "alice").get(1).expiresAt()).isNotNull();

        alice.close();
        clock.advance(Duration.ofSeconds(31));
        assertThat(Await.until(() -> history(bob, "alice").size() == 2, WAIT)).as("bob's sweep removed both").isTrue();
        assertThat(bob.messaging().search("secret", Optional.empty(), 10)).isEmpty();
        ParleyApp aliceAgain = network.unlock("alice");
        assertThat(Await.until(() -> history(aliceAgain, "bob").size() == 2, WAIT))
                .as("alice's sweep at unlock removed what expired while she was away").isTrue();
        assertThat(history(aliceAgain, "bob")).extracting(Message::body)
                .containsExactly("You set disappearing messages to 30 seconds", "before the timer");

        bob.actions().setDisappearing("alice", DisappearingTimer.OFF);
        aliceAgain.connection().start();
        assertThat(Await.until(() -> timer(aliceAgain, "bob") == DisappearingTimer.OFF, WAIT)).isTrue();
        assertThat(Await.until(() -> history(aliceAgain, "bob").get(0).body().equals("bob turned off disappearing messages"), WAIT)).isTrue();
        assertThat(aliceAgain.messaging().send("bob", "stays").expiresAt()).isNull();
        assertThatThrownBy(() -> bob.actions().setDisappearing("nobody", DisappearingTimer.HOUR_1))
                .isInstanceOf(UnknownContactException.class);
    }

    @Test
    void timersOutOfRangeAreIgnoredAndNeverFailTheBatch() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob").close();
        alice.contacts().add("bob");
        alice.connection().start();
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            mallory.sendAs("mallory", "bob", new Payload.TimerUpdate(12_345, System.currentTimeMillis()));
            mallory.sendAs("mallory", "bob", new Payload.TimerUpdate(0xFFFF_FFFFL, System.currentTimeMillis()));
            mallory.sendAs("mallory", "bob", new Payload.Text(MessageId.random(TestNetwork.CRYPTO.random()),
                    System.currentTimeMillis(), "odd timer", null, 7));
            mallory.sendAs("mallory", "bob", new Payload.TimerUpdate(3_600, System.currentTimeMillis()));
            mallory.sendAs("mallory", "bob", new Payload.TimerUpdate(3_600, System.currentTimeMillis()));
        }
        alice.messaging().send("bob", "after the odd timers");
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();

        ParleyApp bob = network.unlock("bob");
        bob.connection().start();
        assertThat(Await.until(() -> history(bob, "alice").size() == 1 && history(bob, "mallory").size() == 2, WAIT)).isTrue();
        List<Message> fromMallory = history(bob, "mallory");
        assertThat(fromMallory).extracting(Message::body)
                .as("one line for the valid timer (set twice), none for the others")
                .containsExactlyInAnyOrder("mallory set disappearing messages to 1 hour", "odd timer");
        assertThat(fromMallory).filteredOn(m -> !m.isSystem()).extracting(Message::expiresAt)
                .as("a text with an invalid timer stays").containsExactly((java.time.Instant) null);
        assertThat(bob.actions().disappearing("mallory")).isEqualTo(DisappearingTimer.HOUR_1);
    }

    private static DisappearingTimer timer(ParleyApp app, String peer) {
        try {
            return app.actions().disappearing(peer);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<Message> history(ParleyApp app, String peer) {
        return MessageActionsTest.history(app, peer);
    }
}
