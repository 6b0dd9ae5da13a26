package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.PendingUpload;
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

    @Test
    void anUploadInProgressIsRecordedReplacedAndRemoved() throws Exception {
        PendingUpload first = new PendingUpload("bob", "/home/a/video.mp4", 1000, 77, filled(16, 1), filled(32, 2));
        PendingUpload second = new PendingUpload("bob", "/home/a/video.mp4", 2000, 78, filled(16, 3), filled(32, 4));
        write((Transaction txn) -> storage.attachments().putPendingUpload(txn, first));
        assertThat(read((Transaction txn) -> storage.attachments().pendingUpload(txn, "bob", "/home/a/video.mp4")))
                .contains(first);
        assertThat(read((Transaction txn) -> storage.attachments().pendingUpload(txn, "carol", "/home/a/video.mp4")))
                .isEmpty();
        write((Transaction txn) -> storage.attachments().putPendingUpload(txn, second));
        PendingUpload back = read((Transaction txn) -> storage.attachments().pendingUpload(txn, "bob", "/home/a/video.mp4"))
                .orElseThrow();
        assertThat(back).isEqualTo(second);
        assertThat(back.key()).isEqualTo(filled(32, 4));
        assertThat(back.sameFile(2000, 78)).isTrue();
        assertThat(back.sameFile(2000, 79)).isFalse();
        write((Transaction txn) -> storage.attachments().removePendingUpload(txn, "bob", "/home/a/video.mp4"));
        assertThat(read((Transaction txn) -> storage.attachments().pendingUpload(txn, "bob", "/home/a/video.mp4")))
                .isEmpty();
    }

    /** The ids asked about: the three uploads' and one no upload has. */
    private static final List<String> ASKED = List.of("1a".repeat(16), "2b".repeat(16), "3c".repeat(16),
            "4d".repeat(16));

    @Test
    void listsTheIdsOfUploadsInProgressAndRemovesThoseToOneContact() throws Exception {
        PendingUpload video = new PendingUpload("bob", "/home/a/video.mp4", 1000, 77, filled(16, 0x1a), filled(32, 2));
        PendingUpload photo = new PendingUpload("bob", "/home/a/photo.jpg", 2000, 78, filled(16, 0x2b), filled(32, 4));
        PendingUpload other = new PendingUpload("carol", "/home/a/photo.jpg", 2000, 78, filled(16, 0x3c), filled(32, 5));
        assertThat(read((Transaction txn) -> storage.attachments().uploadsAmong(txn, ASKED))).isEmpty();
        write((Transaction txn) -> {
            storage.attachments().putPendingUpload(txn, video);
            storage.attachments().putPendingUpload(txn, photo);
            storage.attachments().putPendingUpload(txn, other);
        });
        assertThat(read((Transaction txn) -> storage.attachments().uploadsAmong(txn, ASKED)))
                .containsExactlyInAnyOrder("1a".repeat(16), "2b".repeat(16), "3c".repeat(16));
        write((Transaction txn) -> storage.attachments().removePendingUploads(txn, "bob"));
        assertThat(read((Transaction txn) -> storage.attachments().uploadsAmong(txn, ASKED)))
                .containsExactly("3c".repeat(16));
        assertThat(read((Transaction txn) -> storage.attachments().pendingUpload(txn, "carol", "/home/a/photo.jpg")))
                .contains(other);
    }

    private static byte[] filled(int n, int value) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
