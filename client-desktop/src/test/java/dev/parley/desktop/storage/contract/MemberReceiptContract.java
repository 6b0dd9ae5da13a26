package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MemberReceipt;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.MessageState;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #15 item 2, "Read by 3 of 5": per-member delivery and read times of our own group messages. */
public abstract class MemberReceiptContract extends StorageContract {
    private static final ConversationId GROUP = new ConversationId("#00112233445566778899aabbccddeeff");
    private static final MessageId M1 = new MessageId("e1");
    private static final MessageId MISSING = new MessageId("e9");

    private void send(MessageId id) throws Exception {
        write((Transaction txn) -> {
            storage.conversations().group(txn, GROUP);
            storage.messages().insertIfAbsent(txn, NewMessage.outgoing(id, GROUP, "me", T0, "hello all"));
        });
    }

    private void record(String member, MessageState step, int second) throws Exception {
        write((Transaction txn) -> storage.memberReceipts().record(txn, M1, member, step, T0.plusSeconds(second)));
    }

    private List<MemberReceipt> receipts(MessageId id) throws Exception {
        return read((Transaction txn) -> storage.memberReceipts().list(txn, id));
    }

    @Test
    void eachMemberKeepsTheFirstTimeOfEachStepInMemberOrder() throws Exception {
        send(M1);
        assertThat(receipts(M1)).isEmpty();
        record("carol", MessageState.READ, 5);
        record("bob", MessageState.DELIVERED, 2);
        record("bob", MessageState.DELIVERED, 9);
        record("bob", MessageState.READ, 7);
        record("carol", MessageState.DELIVERED, 6);
        record("carol", MessageState.READ, 8);
        assertThat(receipts(M1)).containsExactly(
                new MemberReceipt("bob", T0.plusSeconds(2), T0.plusSeconds(7)),
                new MemberReceipt("carol", T0.plusSeconds(6), T0.plusSeconds(5)));
        assertThat(receipts(M1).get(0).read()).contains(T0.plusSeconds(7));
    }

    @Test
    void unknownMessagesHaveNoneAndTheReceiptsGoWithTheirMessage() throws Exception {
        write((Transaction txn) -> storage.memberReceipts().record(txn, MISSING, "bob", MessageState.READ, T0));
        assertThat(receipts(MISSING)).isEmpty();
        send(M1);
        record("bob", MessageState.DELIVERED, 1);
        assertThat(writeAndGet((Transaction txn) -> storage.changes().remove(txn, List.of(M1)))).isEqualTo(1);
        assertThat(receipts(M1)).isEmpty();
    }

    @Test
    void theReceiptsGoWithAnErasedConversationAndWithExpiredMessages() throws Exception {
        send(M1);
        record("bob", MessageState.DELIVERED, 1);
        eraseWhole(GROUP, 1);
        assertThat(receipts(M1)).isEmpty();
        MessageId expiring = new MessageId("e2");
        send(expiring);
        write((Transaction txn) -> {
            storage.memberReceipts().record(txn, expiring, "carol", MessageState.READ, T0);
            storage.disappearing().expireAt(txn, expiring, T0.plusSeconds(1));
        });
        assertThat(receipts(expiring)).hasSize(1);
        write((Transaction txn) -> storage.changes().removeExpired(txn, T0.plusSeconds(2), 10));
        assertThat(receipts(expiring)).isEmpty();
    }

    @Test
    void onlyDeliveredAndReadAreKeptAndAFailedTransactionLeavesNone() throws Exception {
        send(M1);
        assertThatThrownBy(() -> record("bob", MessageState.SENT, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record("", MessageState.READ, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.memberReceipts().record(txn, M1, "bob", MessageState.READ, T0);
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(receipts(M1)).isEmpty();
    }
}
