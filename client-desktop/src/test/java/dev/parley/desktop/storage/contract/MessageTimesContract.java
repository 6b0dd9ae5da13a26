package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.MessageTimes;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #12 item 6, "Message info": sent, delivered and read times per message. */
public abstract class MessageTimesContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");
    private static final MessageId M1 = new MessageId("d1");
    private static final MessageId M2 = new MessageId("d2");
    private static final MessageId MISSING = new MessageId("d9");

    private void send(MessageId id) throws Exception {
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertIfAbsent(txn, NewMessage.outgoing(id, BOB, "me", T0, "hello"));
        });
    }

    private Optional<MessageTimes> times(MessageId id) throws Exception {
        return read((Transaction txn) -> storage.messageTimes().find(txn, id));
    }

    @Test
    void eachStepKeepsTheFirstTimeRecordedAndStepsMayBeMissing() throws Exception {
        send(M1);
        send(M2);
        assertThat(times(M1)).contains(MessageTimes.NONE);
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(M1), MessageState.SENT, T0.plusSeconds(1)));
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(M1, M2), MessageState.READ, T0.plusSeconds(5)));
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(M1), MessageState.READ, T0.plusSeconds(9)));
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(M1), MessageState.DELIVERED, T0.plusSeconds(7)));
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(M1), MessageState.SENT, T0.plusSeconds(8)));
        assertThat(times(M1)).contains(new MessageTimes(T0.plusSeconds(1), T0.plusSeconds(7), T0.plusSeconds(5)));
        assertThat(times(M2)).contains(new MessageTimes(null, null, T0.plusSeconds(5)));
        assertThat(times(M2).orElseThrow().delivered()).isEmpty();
        assertThat(times(M2).orElseThrow().read()).contains(T0.plusSeconds(5));
    }

    @Test
    void unknownMessagesHaveNoTimesAndRecordingThemChangesNothing() throws Exception {
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(MISSING), MessageState.DELIVERED, T0));
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(), MessageState.DELIVERED, T0));
        assertThat(times(MISSING)).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().find(txn, MISSING))).isEmpty();
    }

    @Test
    void theTimesGoWithTheirMessage() throws Exception {
        send(M1);
        write((Transaction txn) -> storage.messageTimes().record(txn, List.of(M1), MessageState.DELIVERED, T0));
        assertThat(writeAndGet((Transaction txn) -> storage.changes().remove(txn, List.of(M1)))).isEqualTo(1);
        assertThat(times(M1)).isEmpty();
    }

    @Test
    void onlySentDeliveredAndReadHaveTimesAndAFailedTransactionLeavesNone() throws Exception {
        send(M1);
        assertThatThrownBy(() -> write((Transaction txn) ->
                storage.messageTimes().record(txn, List.of(M1), MessageState.FAILED, T0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.messageTimes().record(txn, List.of(M1), MessageState.READ, T0);
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(times(M1)).contains(MessageTimes.NONE);
    }
}
