package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.event.PickupProgressEvent;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageCursor;
import dev.parley.desktop.storage.MessagePage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OfflinePickupTest {
    static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void fiveHundredMessagesToAnOfflineRecipientArriveInOrderExactlyOnce() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bobFirst = network.register("bob");
        alice.contacts().add("bob");
        bobFirst.contacts().add("alice"); // a contact, not a message request: receipts go back (#14)
        bobFirst.close();
        alice.connection().start();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(alice.messaging().send("bob", "offline message " + i).messageId().value());
        }
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(network.relayQueued()).isEqualTo(500);

        ParleyApp bob = network.unlock("bob");
        List<PickupProgressEvent> progress = new CopyOnWriteArrayList<>();
        bob.events().subscribe(PickupProgressEvent.class, progress::add);
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        assertPickupProgress(progress, 500);

        List<Message> history = chronological(bob, "alice");
        assertThat(history).hasSize(500);
        assertThat(history).extracting(m -> m.messageId().value()).containsExactlyElementsOf(sent);
        assertThat(history).extracting(Message::body).startsWith("offline message 0", "offline message 1")
                .endsWith("offline message 499");
        assertThat(history).allMatch(m -> m.direction() == Direction.INCOMING);
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT))
                .as("bob acknowledged everything and alice (online) took bob's delivery receipt").isTrue();
        assertThat(Await.until(() -> lastState(alice) == dev.parley.desktop.storage.MessageState.DELIVERED, WAIT)).isTrue();
    }

    /** Counts rise with every committed batch, then one done event carries the total. */
    private static void assertPickupProgress(List<PickupProgressEvent> progress, int total) {
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2);
        PickupProgressEvent last = progress.get(progress.size() - 1);
        assertThat(last).isEqualTo(new PickupProgressEvent(total, true));
        List<PickupProgressEvent> batches = progress.subList(0, progress.size() - 1);
        assertThat(batches).noneMatch(PickupProgressEvent::done);
        assertThat(batches).extracting(PickupProgressEvent::received).isSorted().doesNotHaveDuplicates()
                .allMatch(n -> n > 0).endsWith(total);
    }

    private static dev.parley.desktop.storage.MessageState lastState(ParleyApp alice) {
        try {
            return alice.messaging().history("bob", Optional.empty(), 1).messages().get(0).state();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message of a conversation, oldest first, through the paged API. */
    static List<Message> chronological(ParleyApp app, String contact) throws Exception {
        List<Message> all = new ArrayList<>();
        Optional<MessageCursor> before = Optional.empty();
        do {
            MessagePage page = app.messaging().history(contact, before, 200);
            all.addAll(page.messages());
            before = page.nextBefore();
        } while (before.isPresent());
        Collections.reverse(all);
        return all;
    }
}
