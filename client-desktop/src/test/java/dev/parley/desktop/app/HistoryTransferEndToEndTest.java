package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.HistoryChunk;
import dev.parley.desktop.event.HistoryTransferEvent;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.InvalidInputException;
import dev.parley.desktop.service.device.HistoryTransfer;
import dev.parley.desktop.service.messaging.DefaultMessagingService;
import dev.parley.desktop.service.messaging.ForgedPayloads;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.h2.DatabaseSurgery;
import dev.parley.desktop.storage.history.HistoryRows;
import dev.parley.desktop.storage.history.HistoryRowsCodec;
import dev.parley.desktop.storage.history.HistoryTransfers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #17, history transfer at link time, end to end through a real relay: alice's first device sends her history
 * (texts both ways, a reply, a reaction, an edit, a delete for everyone, a file, a group) to her new laptop. The
 * transfer is stopped after its first chunk, the laptop is closed and opened again (what a killed process leaves:
 * its committed chunks), a message arrives live meanwhile; the transfer then goes on from the next chunk. The laptop
 * ends with every message of the first device's history exactly as it is there, each once, the live one once and
 * newest; its file downloads from the relay on demand. A second transfer imports nothing new; a chunk a contact forges
 * is ignored; a chunk whose rows are malformed is refused alone.
 */
class HistoryTransferEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The rows compared between the two devices (positions differ by design; everything else must not). */
    private static final String MESSAGES = "SELECT message_id, conversation_id, direction, sender, sent_at, body, deleted, "
            + "edit_count, quoted_id, quoted_author, quoted_snippet, kind FROM messages WHERE state <> 'SENDING' "
            + "ORDER BY message_id";
    private static final String DEPENDENTS = "SELECT 'v', message_id, CAST(version AS VARCHAR), body FROM message_versions "
            + "UNION ALL SELECT 'r', message_id, reactor, emoji FROM reactions "
            + "UNION ALL SELECT 'a', message_id, file_name, CAST(size_bytes AS VARCHAR) FROM attachments ORDER BY 1, 2, 3";

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void theHistoryArrivesOnceAndWholeAfterBothSidesStoppedHalfway() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        Message fromBob = bob.messaging().send("alice", "from bob, before the laptop");
        for (int i = 0; i < 30; i++) {
            alice.messaging().send("bob", "history line " + i + " " + "x".repeat(900));
        }
        Message toEdit = alice.messaging().send("bob", "to be edited");
        Message toDelete = alice.messaging().send("bob", "to be deleted");
        assertThat(Await.until(() -> quietly(() -> alice.messaging().message(fromBob.messageId()).isPresent()), WAIT))
                .isTrue();
        alice.actions().reply(fromBob.messageId(), "a reply to bob");
        alice.messaging().react(fromBob.messageId(), "\uD83D\uDC4D", false);
        alice.actions().edit(toEdit.messageId(), "edited before the laptop");
        alice.actions().deleteForEveryone(toDelete.messageId());
        byte[] content = "the notes, for bob".getBytes(StandardCharsets.UTF_8);
        Message file = alice.attachments().sendFile("bob", Files.write(network.root.resolve("notes.txt"), content),
                "the notes", TransferProgress.NONE);
        alice.groups().create("Hikers", List.of("bob"));
        alice.groups().send("Hikers", "in the group, before the laptop");
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        // every row written (a loaded machine's first .ci/run read 35 of them here)
        assertThat(Await.until(() -> quietly(() -> DatabaseSurgery.rows(alice.storage(), MESSAGES).size() > 35), WAIT))
                .isTrue();
        List<String> messagesBefore = DatabaseSurgery.rows(alice.storage(), MESSAGES);
        List<String> dependentsBefore = DatabaseSurgery.rows(alice.storage(), DEPENDENTS);
        assertThat(messagesBefore).hasSizeGreaterThan(35);

        ParleyApp laptop = network.linkDevice(alice, "alice-laptop", "alice's laptop", Duration.ZERO);
        List<HistoryTransferEvent> progress = new CopyOnWriteArrayList<>();
        laptop.events().subscribe(HistoryTransferEvent.class, progress::add);

        // The first chunk only: the user (or a crash) stops the transfer there.
        HistoryTransfer.Status partial = alice.history().send(2, (sent, total) -> false);
        assertThat(partial.done()).isFalse();
        assertThat(partial.messagesSent()).isPositive().isLessThan(partial.messagesTotal());
        assertThat(Await.until(() -> received(laptop) == partial.messagesSent(), WAIT)).isTrue();
        assertThat(Await.until(() -> !progress.isEmpty(), WAIT)).isTrue();
        assertThat(progress.get(0).messagesTotal()).isEqualTo(partial.messagesTotal());
        assertThat(progress.get(0).complete()).isFalse();

        // A message arrives live during the transfer; then the laptop's process ends and starts again.
        Message live = bob.messaging().send("alice", "live, during the transfer");
        assertThat(Await.until(() -> quietly(() -> laptop.messaging().message(live.messageId()).isPresent()), WAIT))
                .isTrue();
        laptop.close();
        ParleyApp reopened = network.unlock("alice-laptop");
        reopened.connection().start();
        assertThat(received(reopened)).as("the committed chunk survived").isEqualTo(partial.messagesSent());

        // The first device goes on from the chunk after the last one it queued.
        HistoryTransfer.Status done = alice.history().send(2, HistoryTransfer.Progress.NONE);
        assertThat(done.transferId()).isEqualTo(partial.transferId());
        assertThat(done.done()).isTrue();
        assertThat(done.messagesSent()).isEqualTo(done.messagesTotal()).isEqualTo(partial.messagesTotal());
        assertThat(Await.until(() -> complete(reopened), WAIT)).isTrue();

        List<String> messagesAfter = DatabaseSurgery.rows(reopened.storage(), MESSAGES);
        assertThat(messagesAfter).as("every message as it is on the first device").containsAll(messagesBefore);
        assertThat(DatabaseSurgery.rows(reopened.storage(), DEPENDENTS)).containsAll(dependentsBefore);
        assertThat(DatabaseSurgery.rows(reopened.storage(),
                "SELECT COUNT(*) FROM messages WHERE body = 'live, during the transfer'")).containsExactly("1");
        List<Message> page = reopened.messaging().history("bob", Optional.empty(), 100).messages();
        assertThat(page.get(0).body()).as("the live message reads after the history (newest first)")
                .isEqualTo(live.body());
        assertThat(texts(page)).containsOnlyOnce("a reply to bob", "edited before the laptop", fromBob.body());
        assertThat(reopened.messaging().message(toDelete.messageId()).orElseThrow().deleted()).isTrue();
        assertThat(reopened.groups().list()).extracting(g -> g.state().title()).contains("Hikers");
        Path saved = reopened.attachments().save(file.messageId(), network.root.resolve("notes-on-the-laptop.txt"),
                TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).as("the file's body comes from the relay on demand").isEqualTo(content);

        // A second transfer: the laptop keeps nothing twice.
        long rowsBefore = count(reopened);
        HistoryTransfer.Status again = alice.history().send(2, HistoryTransfer.Progress.NONE);
        assertThat(again.transferId()).isNotEqualTo(done.transferId());
        assertThat(Await.until(() -> quietly(() -> reopened.history().incoming().stream()
                .filter(HistoryTransfers.Incoming::complete).count() == 2), WAIT)).isTrue();
        assertThat(count(reopened)).isEqualTo(rowsBefore);
        assertThat(reopened.history().incoming()).extracting(HistoryTransfers.Incoming::imported)
                .contains(0L);

        badChunksAreRefused(alice, bob, reopened);
    }

    /**
     * Item 2, bad input: a chunk a contact forges (not from a device of this account) is ignored; a chunk from the own
     * device whose rows do not decode is refused alone, with nothing of it kept, and the chunks after it still import;
     * a device cannot send its history to itself.
     */
    private void badChunksAreRefused(ParleyApp alice, ParleyApp bob, ParleyApp laptop) throws Exception {
        HistoryRows forged = rows("forged by bob");
        ForgedPayloads.send(bob.messaging(), bob.contacts().get("alice"), chunk(2, true,
                HistoryRowsCodec.encode(forged)));
        byte[] broken = HistoryRowsCodec.encode(rows("in a broken chunk"));
        byte[] truncated = java.util.Arrays.copyOf(broken, broken.length - 3);
        ((DefaultMessagingService) alice.messaging()).ownDeviceQueue().queue(chunk(2, false, truncated), txn -> { });
        ((DefaultMessagingService) alice.messaging()).ownDeviceQueue().queue(chunk(2, true,
                HistoryRowsCodec.encode(rows("after the broken chunk"))), txn -> { });
        assertThat(Await.until(() -> quietly(() -> DatabaseSurgery.rows(laptop.storage(),
                "SELECT body FROM messages").contains("after the broken chunk")), WAIT)).isTrue();
        assertThat(Await.until(() -> network.relayQueued() == 0, WAIT)).isTrue();
        List<String> bodies = DatabaseSurgery.rows(laptop.storage(), "SELECT body FROM messages");
        assertThat(bodies).doesNotContain("forged by bob", "in a broken chunk");
        assertThatThrownBy(() -> alice.history().send(1, HistoryTransfer.Progress.NONE))
                .isInstanceOf(InvalidInputException.class);
    }

    private static HistoryChunk chunk(int device, boolean last, byte[] rows) {
        return new HistoryChunk(TestNetwork.CRYPTO.random().bytes(16), device, 0, last, 1, rows);
    }

    private static HistoryRows rows(String body) {
        String id = dev.parley.crypto.payload.MessageId.random(TestNetwork.CRYPTO.random()).hex();
        return new HistoryRows(List.of(), List.of(new HistoryRows.Conversation("bob", "DIRECT", 0, false, false)),
                List.of(new HistoryRows.Message(id, "bob", "INCOMING", "bob", 1_000L, 1_000L, body, "DELIVERED", null,
                        false, false, 0, null, null, null, null, null, "TEXT", null, null, null, List.of(), List.of(),
                        null)));
    }

    private static long received(ParleyApp app) {
        return quietly(() -> app.history().incoming().stream().mapToLong(HistoryTransfers.Incoming::received).sum());
    }

    private static boolean complete(ParleyApp app) {
        return quietly(() -> app.history().incoming().stream().anyMatch(HistoryTransfers.Incoming::complete));
    }

    private static long count(ParleyApp app) throws Exception {
        return Long.parseLong(DatabaseSurgery.rows(app.storage(), "SELECT COUNT(*) FROM messages").get(0));
    }

    private static List<String> texts(List<Message> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.body()));
        return out;
    }

    @FunctionalInterface
    private interface Value<T> {
        T get() throws Exception;
    }

    private static <T> T quietly(Value<T> value) {
        try {
            return value.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
