package dev.parley.desktop.service.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.connection.InboundHandler.Outcome;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EnvelopeDigest;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.storage.memory.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #12: a payload kind from a newer client leaves "unsupported message, update Parley", once per envelope. */
class UnknownPayloadHandlerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anUnknownKindLeavesOneSystemLinePerEnvelopeAndTheBatchGoesOn() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        UnknownPayloadHandler handler = new UnknownPayloadHandler(storage);
        byte[] first = new byte[EnvelopeDigest.LENGTH];
        byte[] second = new byte[EnvelopeDigest.LENGTH];
        second[0] = 1;
        List<Received<Payload.Unknown>> received = List.of(
                new Received<>(0, "bob", new Payload.Unknown(999), new EnvelopeDigest(first)),
                new Received<>(1, "bob", new Payload.Unknown(30), new EnvelopeDigest(second)),
                new Received<>(2, "bob", new Payload.Unknown(999), new EnvelopeDigest(first.clone())));
        ReceivedBatch batch = new ReceivedBatch(new Outcome[] {Outcome.STORED, Outcome.STORED, Outcome.STORED}, NOW);
        storage.transactions().transaction(false, (Transaction txn) -> handler.apply(txn, received, batch));

        List<Message> history = storage.transactions().transactionWithResult(true, (Transaction txn) ->
                storage.messages().page(txn, ConversationId.direct("bob"), Optional.empty(), 10)).messages();
        assertThat(history).extracting(Message::body).containsExactly(UnknownPayloadHandler.TEXT, UnknownPayloadHandler.TEXT);
        assertThat(history).allMatch(Message::isSystem);
        assertThat(batch.outcome(0)).isEqualTo(Outcome.STORED);
        assertThat(batch.outcome(2)).isEqualTo(Outcome.STORED);
    }
}
