package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.payload.MessageId;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A receipt moves only a message its sender could have received: one of our own messages in a conversation they take
 * part in. Mallory's receipts naming her own message to Alice (which would mark it read: no longer
 * unread) or Alice's message to Bob are dropped; the one naming Alice's message to her applies, in the same envelope.
 */
class ReceiptScopeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void receiptsForIncomingOrOtherConversationsMessagesAreDropped() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob");
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            alice.contacts().add("mallory");
            alice.contacts().add("bob");
            alice.connection().start();
            mallory.sendTextAs("mallory", "alice", "hi alice");
            assertThat(Await.until(() -> MessageActionsTest.history(alice, "mallory").size() == 1, WAIT)).isTrue();
            Message fromMallory = MessageActionsTest.history(alice, "mallory").get(0);
            Message toMallory = alice.messaging().send("mallory", "hello mallory");
            Message toBob = alice.messaging().send("bob", "for bob only");
            assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
            assertThat(state(alice, "bob", toBob)).isEqualTo(MessageState.SENT);

            List<MessageId> named = List.of(wire(fromMallory), wire(toBob), wire(toMallory));
            mallory.sendAs("mallory", "alice", new Payload.DeliveryReceipt(named));
            mallory.sendAs("mallory", "alice", new Payload.ReadReceipt(named));
            mallory.sendTextAs("mallory", "alice", "after the receipts");
            assertThat(Await.until(() -> MessageActionsTest.history(alice, "mallory").size() == 3, WAIT)).isTrue();

            assertThat(state(alice, "mallory", toMallory)).as("her copy of our message").isEqualTo(MessageState.READ);
            assertThat(state(alice, "mallory", fromMallory)).as("her own message: not hers to report on")
                    .isEqualTo(MessageState.DELIVERED);
            assertThat(state(alice, "bob", toBob)).as("another conversation's message").isEqualTo(MessageState.SENT);
            assertThat(alice.messaging().info(toBob.messageId()).orElseThrow().deliveredAt()).isEmpty();
        }
    }

    private static MessageId wire(Message message) {
        return new MessageId(HexFormat.of().parseHex(message.messageId().value()));
    }

    private static MessageState state(ParleyApp app, String peer, Message message) {
        return MessageActionsTest.find(app, peer, message.messageId()).state();
    }
}
