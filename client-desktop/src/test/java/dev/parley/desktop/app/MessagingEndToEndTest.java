package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.event.MessageReceivedEvent;
import dev.parley.desktop.event.MessageStateChangedEvent;
import dev.parley.desktop.storage.Direction;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessagingEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aliceAndBobExchangeMessagesBothWaysAndSeeDeliveredAndRead() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        List<Message> bobInbox = new CopyOnWriteArrayList<>();
        List<Message> aliceInbox = new CopyOnWriteArrayList<>();
        Map<String, MessageState> aliceStates = new ConcurrentHashMap<>();
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobInbox.add(e.message()));
        alice.events().subscribe(MessageReceivedEvent.class, e -> aliceInbox.add(e.message()));
        // Events of one message come from the outbox's thread (SENT) and the inbound thread (DELIVERED, READ), each
        // published after its own commit, so under load SENT can be published after DELIVERED: keep the furthest state,
        // as the chat view does (a state never moves backwards).
        alice.events().subscribe(MessageStateChangedEvent.class, e -> aliceStates.merge(e.messageId().value(), e.state(),
                (was, now) -> was.canMoveTo(now) ? now : was));

        alice.contacts().add("bob");
        bob.contacts().add("alice"); // a contact, not a message request: receipts go back (#14)
        alice.connection().start();
        bob.connection().start();
        Message sent = alice.messaging().send("bob", "hello bob");
        assertThat(sent.state()).isEqualTo(MessageState.SENDING);

        assertThat(Await.until(() -> bobInbox.size() == 1, WAIT)).isTrue();
        assertThat(bobInbox.get(0).body()).isEqualTo("hello bob");
        assertThat(bobInbox.get(0).messageId()).isEqualTo(sent.messageId());
        assertThat(Await.until(() -> aliceStates.get(sent.messageId().value()) == MessageState.DELIVERED, WAIT)).isTrue();

        List<Boolean> bobSeesTyping = new CopyOnWriteArrayList<>();
        bob.events().subscribe(dev.parley.desktop.event.TypingChangedEvent.class, e -> bobSeesTyping.add(e.typing()));
        alice.messaging().setTyping("bob", true);
        alice.messaging().setTyping("bob", false);
        assertThat(Await.until(() -> bobSeesTyping.size() == 2, WAIT)).isTrue();
        assertThat(bobSeesTyping).containsExactly(true, false);

        bob.messaging().markRead("alice", bobInbox.get(0).cursor());
        assertThat(Await.until(() -> aliceStates.get(sent.messageId().value()) == MessageState.READ, WAIT)).isTrue();

        assertThat(bob.contacts().list()).extracting(c -> c.username()).containsExactly("alice");
        Message reply = bob.messaging().send("alice", "hi alice");
        assertThat(Await.until(() -> aliceInbox.size() == 1, WAIT)).isTrue();
        assertThat(aliceInbox.get(0).body()).isEqualTo("hi alice");
        assertThat(aliceInbox.get(0).messageId()).isEqualTo(reply.messageId());

        List<Message> aliceHistory = alice.messaging().history("bob", Optional.empty(), 10).messages();
        assertThat(aliceHistory).extracting(Message::body).containsExactly("hi alice", "hello bob");
        assertThat(aliceHistory).extracting(Message::direction).containsExactly(Direction.INCOMING, Direction.OUTGOING);
        assertThat(aliceHistory.get(1).state()).isEqualTo(MessageState.READ);

        // Read receipts off: bob reads, then writes; his outbox is FIFO, so had a receipt been sent it would arrive first.
        bob.messaging().setReadReceipts(false);
        assertThat(bob.messaging().readReceipts()).isFalse();
        Message unreadReceipt = alice.messaging().send("bob", "second");
        assertThat(Await.until(() -> bobInbox.size() == 2, WAIT)).isTrue();
        assertThat(Await.until(() -> aliceStates.get(unreadReceipt.messageId().value()) == MessageState.DELIVERED, WAIT)).isTrue();
        bob.messaging().markRead("alice", bobInbox.get(1).cursor());
        bob.messaging().send("alice", "after reading");
        assertThat(Await.until(() -> aliceInbox.size() == 2, WAIT)).isTrue();
        assertThat(aliceStates.get(unreadReceipt.messageId().value())).isEqualTo(MessageState.DELIVERED);
        assertThat(bob.messaging().search("hello", Optional.empty(), 10)).extracting(Message::body).containsExactly("hello bob");
        assertThat(bob.messaging().history("alice", Optional.empty(), 10).messages()).hasSize(4);
        assertThat(alice.contacts().safetyNumber("bob").digits()).isEqualTo(bob.contacts().safetyNumber("alice").digits());
    }

    @Test
    void aRotatedSignedPreKeyAndATopUpKeepNewSessionsWorking() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        bob.account().rotateSignedPreKey();
        assertThat(bob.account().topUpPreKeys()).as("the stock is still above the low-water mark").isZero();
        List<Message> bobInbox = new CopyOnWriteArrayList<>();
        bob.events().subscribe(MessageReceivedEvent.class, e -> bobInbox.add(e.message()));
        alice.contacts().add("bob");
        alice.messaging().send("bob", "to the rotated key");
        alice.connection().start();
        bob.connection().start();
        assertThat(Await.until(() -> bobInbox.size() == 1, WAIT)).isTrue();
        assertThat(bobInbox.get(0).body()).isEqualTo("to the rotated key");
    }

    @Test
    void noFileOfEitherProfileOrOfTheRelayContainsThePlaintext() throws Exception {
        String marker = "PLAINTEXT-MARKER-5c1e9a";
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        for (int i = 0; i < 20; i++) {
            alice.messaging().send("bob", marker + " " + i);
        }
        assertThat(alice.connection().awaitDrained(WAIT)).isTrue();
        assertThat(network.relayQueued()).as("held by the relay while bob is offline").isEqualTo(20);
        List<Path> whileQueued = filesContaining(network.root, marker);
        bob.connection().start();
        assertThat(bob.connection().awaitDrained(WAIT)).isTrue();
        assertThat(bob.messaging().search("PLAINTEXT", Optional.empty(), 50)).hasSize(20);
        network.close();

        assertThat(whileQueued).isEmpty();
        assertThat(filesContaining(network.root, marker)).isEmpty();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(network.root)) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile).count()).as("the scan saw real files").isGreaterThan(4);
        }
    }

    /** Files under {@code root} containing {@code marker} as UTF-8, UTF-16LE or UTF-16BE. */
    static List<Path> filesContaining(Path root, String marker) throws java.io.IOException {
        List<byte[]> needles = List.of(marker.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                marker.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                marker.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        List<Path> hits = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
                byte[] content = java.nio.file.Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    if (indexOf(content, needle) >= 0) {
                        hits.add(file);
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
