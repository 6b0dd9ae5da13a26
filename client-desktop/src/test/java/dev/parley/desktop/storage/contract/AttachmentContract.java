package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.Transaction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class AttachmentContract extends StorageContract {
    private static final MessageId M1 = new MessageId("bb01");
    private static final MessageId M2 = new MessageId("bb02");

    static AttachmentPointer pointer(int seed, String name) {
        return new AttachmentPointer(filled(16, seed), filled(32, seed + 1), filled(32, seed + 2), 1000L + seed, name,
                "image/png", 64, 48, filled(300, seed + 3));
    }

    @Test
    void storesOnePointerPerMessageWithEveryField() throws Exception {
        Attachment first = new Attachment(M1, pointer(1, "a.png"), AttachmentState.AVAILABLE);
        assertThat(writeAndGet((Transaction txn) -> storage.attachments().insertIfAbsent(txn, first))).isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.attachments().insertIfAbsent(txn,
                new Attachment(M1, pointer(9, "other.png"), AttachmentState.UPLOADED)))).isFalse();
        Attachment back = read((Transaction txn) -> storage.attachments().find(txn, M1)).orElseThrow();
        assertThat(back).isEqualTo(first);
        assertThat(back.pointer().key()).isEqualTo(filled(32, 2));
        assertThat(back.pointer().thumbnail()).hasSize(300);
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, M2))).isEmpty();
    }

    @Test
    void listsThoseOfAPageAndChangesState() throws Exception {
        write((Transaction txn) -> storage.attachments().insertIfAbsent(txn,
                new Attachment(M1, pointer(1, "a.png"), AttachmentState.AVAILABLE)));
        write((Transaction txn) -> storage.attachments().insertIfAbsent(txn,
                new Attachment(M2, pointer(5, "b.png"), AttachmentState.UPLOADED)));
        assertThat(read((Transaction txn) -> storage.attachments().of(txn, List.of(M2, new MessageId("none")))))
                .extracting(Attachment::messageId).containsExactly(M2);
        assertThat(read((Transaction txn) -> storage.attachments().of(txn, List.of()))).isEmpty();
        assertThat(writeAndGet((Transaction txn) -> storage.attachments().updateState(txn, M1, AttachmentState.DOWNLOADED)))
                .isTrue();
        assertThat(writeAndGet((Transaction txn) -> storage.attachments().updateState(txn, new MessageId("none"),
                AttachmentState.EXPIRED))).isFalse();
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, M1)).orElseThrow().state())
                .isEqualTo(AttachmentState.DOWNLOADED);
    }

    @Test
    void anAttachmentStoredInAFailedTransactionIsGone() throws Exception {
        assertThatThrownBy(() -> write((Transaction txn) -> {
            storage.attachments().insertIfAbsent(txn, new Attachment(M1, pointer(1, "a.png"), AttachmentState.AVAILABLE));
            throw new java.io.IOException("crash before commit");
        })).isInstanceOf(java.io.IOException.class);
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, M1))).isEmpty();
    }

    private static byte[] filled(int n, int value) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
