package dev.parley.desktop.service.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry refuses to exist unless every payload kind has exactly one handler. */
class PayloadHandlersTest {

    @Test
    void aPayloadKindWithoutAHandlerIsRefusedAtStartNotDroppedAtRuntime() {
        assertThatThrownBy(() -> PayloadHandlers.of(List.of(
                new TypingHandler<>(Payload.TypingStarted.class, true),
                new TypingHandler<>(Payload.TypingStopped.class, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no handler for the payload kind");
    }

    @Test
    void twoHandlersForOneKindAreRefused() {
        assertThatThrownBy(() -> PayloadHandlers.of(List.of(
                new TypingHandler<>(Payload.TypingStarted.class, true),
                new TypingHandler<>(Payload.TypingStarted.class, false))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two handlers for TypingStarted");
    }

    @Test
    void theStandardRegistryCoversEveryKindAndOnlyTypingIsEphemeral() {
        PayloadHandlers standard = PayloadHandlers.standard(null, null, null);
        assertThat(standard.isEphemeral(new Payload.TypingStarted())).isTrue();
        assertThat(standard.isEphemeral(new Payload.TypingStopped())).isTrue();
        assertThat(standard.isEphemeral(new Payload.ReadReceipt(List.of(new dev.parley.crypto.payload.MessageId(new byte[16]))))).isFalse();
        assertThat(standard.isEphemeral(new Payload.Unknown(200))).isFalse();
    }

    /** Issue #14 (docs/protocol.md 1.12): only what a person reads opens a message request. */
    @Test
    void onlyContentAPersonReadsOpensARequest() {
        PayloadHandlers standard = PayloadHandlers.standard(null, null, null);
        for (Class<? extends Payload> kind : List.of(Payload.Text.class, Payload.Attachment.class,
                Payload.Unknown.class, Payload.GroupUpdate.class, Payload.GroupMessage.class)) {
            assertThat(standard.fromStranger(kind)).as(kind.getSimpleName()).isEqualTo(FromStranger.OPENS_REQUEST);
        }
        for (Class<? extends Payload> kind : List.of(Payload.Profile.class, Payload.Presence.class,
                Payload.DeliveryReceipt.class, Payload.ReadReceipt.class, Payload.TypingStarted.class,
                Payload.TypingStopped.class, Payload.Reaction.class, Payload.Edit.class, Payload.Delete.class,
                Payload.TimerUpdate.class, Payload.SentTranscript.class, Payload.ReadSync.class,
                Payload.ConversationSync.class, Payload.ContactSync.class,
                dev.parley.crypto.payload.HistoryChunk.class,
                dev.parley.crypto.payload.GroupTranscript.class, dev.parley.crypto.payload.GroupReadSync.class,
                dev.parley.crypto.payload.GroupSync.class, dev.parley.crypto.payload.SenderKeySync.class)) {
            assertThat(standard.fromStranger(kind)).as(kind.getSimpleName()).isEqualTo(FromStranger.DROPPED);
        }
        assertThat(standard.fromStranger(Payload.SenderKey.class)).isEqualTo(FromStranger.APPLIED_WITHOUT_CONTACT);
    }

    /** Records which payloads each call received. */
    private record Recording<P extends Payload>(Class<P> type, boolean ordered, List<String> calls)
            implements PayloadHandler<P> {
        @Override
        public void apply(dev.parley.desktop.storage.Transaction txn, List<Received<P>> received, ReceivedBatch batch) {
            calls.add(String.join(",", received.stream().map(r -> Integer.toString(r.index())).toList()));
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void orderedKindsAreAppliedAloneAndNothingMovesAcrossThem() throws Exception {
        List<String> calls = new java.util.ArrayList<>();
        List<PayloadHandler<?>> handlers = new java.util.ArrayList<>();
        for (Class<?> kind : Payload.class.getPermittedSubclasses()) {
            boolean ordered = kind == Payload.GroupUpdate.class || kind == Payload.SenderKey.class
                    || kind == Payload.GroupMessage.class;
            handlers.add(new Recording(kind, ordered, calls));
        }
        PayloadHandlers registry = PayloadHandlers.of(handlers);
        dev.parley.crypto.group.GroupId group = new dev.parley.crypto.group.GroupId(new byte[16]);
        Payload key = new Payload.SenderKey(new dev.parley.crypto.group.SenderKeyDistribution(group, 1, 0,
                new byte[32], new byte[32]));
        Payload change = new Payload.GroupUpdate(new dev.parley.crypto.group.GroupChange(
                dev.parley.crypto.group.GroupAction.CREATE, "alice", List.of(), new dev.parley.crypto.group.GroupState(
                        group, 1, "Group", "", 0, null, List.of(new dev.parley.crypto.group.GroupMember("alice",
                                dev.parley.crypto.group.GroupRole.ADMIN))), new byte[64]));
        Payload typing = new Payload.TypingStarted();
        Payload receipt = new Payload.ReadReceipt(List.of(new dev.parley.crypto.payload.MessageId(new byte[16])));
        List<Payload> payloads = List.of(typing, receipt, change, typing, key, change, receipt, typing);
        List<Received<?>> received = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            received.add(new Received<>(i, "bob", payloads.get(i), null));
        }
        registry.apply(null, received, new ReceivedBatch(new dev.parley.desktop.service.connection.InboundHandler.Outcome[8],
                java.time.Instant.EPOCH));
        assertThat(calls).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");

        calls.clear();
        registry.apply(null, List.of(received.get(0), received.get(1), received.get(3), received.get(6)),
                new ReceivedBatch(new dev.parley.desktop.service.connection.InboundHandler.Outcome[8], java.time.Instant.EPOCH));
        assertThat(calls).as("unordered kinds still go to their handler together").containsExactly("0,3", "1,6");
    }

    /** A run of one ordered kind (a busy group's messages) is one call, in arrival order; nothing crosses it. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void consecutivePayloadsOfOneOrderedKindGoToItsHandlerTogether() throws Exception {
        List<String> calls = new java.util.ArrayList<>();
        List<PayloadHandler<?>> handlers = new java.util.ArrayList<>();
        for (Class<?> kind : Payload.class.getPermittedSubclasses()) {
            boolean ordered = kind == Payload.GroupUpdate.class || kind == Payload.SenderKey.class
                    || kind == Payload.GroupMessage.class;
            handlers.add(new Recording(kind, ordered, calls));
        }
        PayloadHandlers registry = PayloadHandlers.of(handlers);
        dev.parley.crypto.group.GroupId group = new dev.parley.crypto.group.GroupId(new byte[16]);
        Payload key = new Payload.SenderKey(new dev.parley.crypto.group.SenderKeyDistribution(group, 1, 0,
                new byte[32], new byte[32]));
        Payload change = new Payload.GroupUpdate(new dev.parley.crypto.group.GroupChange(
                dev.parley.crypto.group.GroupAction.CREATE, "alice", List.of(), new dev.parley.crypto.group.GroupState(
                        group, 1, "Group", "", 0, null, List.of(new dev.parley.crypto.group.GroupMember("alice",
                                dev.parley.crypto.group.GroupRole.ADMIN))), new byte[64]));
        Payload receipt = new Payload.ReadReceipt(List.of(new dev.parley.crypto.payload.MessageId(new byte[16])));
        List<Payload> payloads = List.of(receipt, key, key, key, change, change, receipt, key, receipt);
        List<Received<?>> received = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            received.add(new Received<>(i, "bob", payloads.get(i), null));
        }
        registry.apply(null, received, new ReceivedBatch(new dev.parley.desktop.service.connection.InboundHandler.Outcome[9],
                java.time.Instant.EPOCH));
        assertThat(calls).containsExactly("0", "1,2,3", "4,5", "6", "7", "8");
    }
}
