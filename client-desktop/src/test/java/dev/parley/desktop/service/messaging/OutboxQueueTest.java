package dev.parley.desktop.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.connection.Outbox;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Storage;
import dev.parley.desktop.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay's acceptance of a multi-recipient send (issue #15): every recipient's outbox entry leaves in one
 * transaction and the message becomes SENT once, with its time, as when each entry is accepted alone.
 */
class OutboxQueueTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void acceptingAllRecipientsOfOneMessageEmptiesTheOutboxAndMarksItSentOnce() throws Exception {
        Storage storage = new InMemoryStorage();
        OutboxQueue queue = new OutboxQueue(storage, Clock.fixed(NOW, ZoneOffset.UTC), () -> "alice", null);
        MessageId id = new MessageId("00112233445566778899aabbccddeeff");
        MessageId other = new MessageId("ffeeddccbbaa99887766554433221100");
        ConversationId group = new ConversationId("#" + "ab".repeat(16));
        storage.transactions().transaction(false, txn -> {
            storage.conversations().group(txn, group);
            storage.messages().insertAllIfAbsent(txn, List.of(NewMessage.outgoing(id, group, "alice", NOW, "hello")));
            for (String member : List.of("bob", "carol", "dave")) {
                storage.outbox().enqueue(txn, id, member, new byte[] {1, 2, 3}, NOW);
            }
            storage.outbox().enqueue(txn, other, "bob", new byte[] {4}, NOW);
        });
        List<Outbox.Item> items = new ArrayList<>();
        for (Outbox.Item item : queue.pending()) {
            if (HexFormat.of().formatHex(item.clientMessageId()).equals(id.value())) {
                items.add(item);
            }
        }
        assertThat(items).hasSize(3);

        queue.acceptedAll(items);

        assertThat(queue.pending()).extracting(i -> HexFormat.of().formatHex(i.clientMessageId()))
                .containsExactly(other.value());
        storage.transactions().transaction(true, txn -> {
            assertThat(storage.messages().find(txn, id).orElseThrow().state()).isEqualTo(MessageState.SENT);
            assertThat(storage.messageTimes().find(txn, id).orElseThrow().relayAcceptedAt()).isEqualTo(NOW);
        });
        queue.acceptedAll(items);
        assertThat(queue.pending()).as("accepting again changes nothing").hasSize(1);
    }
}
