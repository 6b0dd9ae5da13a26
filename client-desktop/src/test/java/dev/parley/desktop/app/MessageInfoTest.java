package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.MessageInfo;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #12 item 6, "Message info": Alice and Bob over the real relay record when a message was sent, delivered, read. */
class MessageInfoTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void bothSidesKnowWhenAMessageWasSentDeliveredAndRead() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        Instant before = Instant.now().minusMillis(1);
        MessageId hello = alice.messaging().send("bob", "hello").messageId();

        assertThat(Await.until(() -> state(alice, hello) == MessageState.DELIVERED, WAIT)).isTrue();
        MessageInfo delivered = alice.messaging().info(hello).orElseThrow();
        assertThat(delivered.direction()).isEqualTo(Direction.OUTGOING);
        assertThat(delivered.sentAt()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(delivered.relayAcceptedAt()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(delivered.sentAt()));
        assertThat(delivered.deliveredAt()).hasValueSatisfying(
                at -> assertThat(at).isAfterOrEqualTo(delivered.relayAcceptedAt().orElseThrow()));
        assertThat(delivered.readAt()).isEmpty();

        Message received = MessageActionsTest.find(bob, "alice", hello);
        MessageInfo unread = bob.messaging().info(hello).orElseThrow();
        assertThat(unread.direction()).isEqualTo(Direction.INCOMING);
        assertThat(unread.sender()).isEqualTo("alice");
        assertThat(unread.sentAt()).isEqualTo(delivered.sentAt());
        assertThat(unread.deliveredAt()).contains(received.receivedAt());
        assertThat(unread.relayAcceptedAt()).isEmpty();
        assertThat(unread.readAt()).isEmpty();

        bob.messaging().markRead("alice", received.cursor());
        MessageInfo readByBob = bob.messaging().info(hello).orElseThrow();
        assertThat(readByBob.readAt()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(received.receivedAt()));
        assertThat(readByBob.state()).isEqualTo(MessageState.READ);

        assertThat(Await.until(() -> state(alice, hello) == MessageState.READ, WAIT)).isTrue();
        MessageInfo read = alice.messaging().info(hello).orElseThrow();
        assertThat(read.relayAcceptedAt()).isEqualTo(delivered.relayAcceptedAt());
        assertThat(read.deliveredAt()).as("the first delivery time stays").isEqualTo(delivered.deliveredAt());
        assertThat(read.readAt()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(delivered.deliveredAt().orElseThrow()));

        alice.actions().deleteForMe(hello);
        assertThat(alice.messaging().info(hello)).as("a deleted message has no info").isEmpty();
        assertThat(alice.messaging().info(new MessageId("00".repeat(16)))).isEmpty();
    }

    private static MessageState state(ParleyApp app, MessageId id) {
        try {
            return app.messaging().message(id).map(Message::state).orElse(null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
