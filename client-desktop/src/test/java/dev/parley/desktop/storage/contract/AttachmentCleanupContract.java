package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import dev.parley.desktop.service.attachment.AttachmentFiles;
import dev.parley.desktop.storage.AttachmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue #12/#13: an attachment's row (its file key and pointer) goes with its message, however the message goes, so
 * the downloaded file can follow ({@code AttachmentFiles}); {@link dev.parley.desktop.storage.AttachmentStore#attachmentsAmong}
 * says which of the files' ids are still kept, a bounded slice at a time.
 */
public abstract class AttachmentCleanupContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");
    private static final ConversationId CAROL = ConversationId.direct("carol");

    private void receive(ConversationId conversation, MessageId id, int seed) throws Exception {
        write((Transaction txn) -> {
            storage.conversations().direct(txn, conversation.value());
            storage.messages().insertIfAbsent(txn, NewMessage.incoming(id, conversation, conversation.value(), T0, T0,
                    "file " + seed));
            storage.attachments().insertIfAbsent(txn, new Attachment(id,
                    AttachmentContract.pointer(seed, "f" + seed + ".png"), AttachmentState.DOWNLOADED));
        });
    }

    private Set<String> kept() throws Exception {
        // the ids of every file the test could have, and one no row has
        return read((Transaction txn) -> storage.attachments().attachmentsAmong(txn,
                List.of(hex(1), hex(2), hex(3), hex(4), hex(5), "zz-not-hex")));
    }

    private static String hex(int seed) {
        return AttachmentContract.pointer(seed, "x").idHex();
    }

    @Test
    void deletingForMeForEveryoneOrTheConversationTakesTheAttachmentRowAlong() throws Exception {
        MessageId forMe = new MessageId("f1");
        MessageId forEveryone = new MessageId("f2");
        MessageId kept = new MessageId("f3");
        MessageId inCarols = new MessageId("f4");
        receive(BOB, forMe, 1);
        receive(BOB, forEveryone, 2);
        receive(BOB, kept, 3);
        receive(CAROL, inCarols, 4);
        assertThat(kept()).containsExactlyInAnyOrder(hex(1), hex(2), hex(3), hex(4));

        write((Transaction txn) -> storage.changes().remove(txn, List.of(forMe)));
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, forMe))).isEmpty();
        assertThat(kept()).containsExactlyInAnyOrder(hex(2), hex(3), hex(4));

        assertThat(writeAndGet((Transaction txn) -> storage.changes().markDeleted(txn, forEveryone))).isTrue();
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, forEveryone)))
                .as("a tombstone keeps no file key").isEmpty();
        assertThat(kept()).containsExactlyInAnyOrder(hex(3), hex(4));

        eraseWhole(CAROL, 1);
        assertThat(kept()).containsExactly(hex(3));
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, kept))).isPresent();
    }

    @Test
    void askingAboutMoreIdsThanABoundIsRefused() {
        List<String> tooMany = java.util.stream.IntStream.range(0, AttachmentStore.MAX_IDS + 1)
                .mapToObj(i -> hex(i + 1)).toList();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read((Transaction txn) ->
                storage.attachments().attachmentsAmong(txn, tooMany))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read((Transaction txn) ->
                storage.attachments().uploadsAmong(txn, tooMany))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The file sweep reads the directory a slice at a time; files past the first slice are judged alike. */
    @Test
    void theFileSweepKeepsExactlyTheFilesWithRowsOverSeveralSlices() throws Exception {
        Path files = Files.createDirectories(dir.resolve("attachments"));
        int count = AttachmentFiles.SLICE * 2 + 37;
        write((Transaction txn) -> {
            storage.conversations().direct(txn, BOB.value());
            for (int seed = 3; seed <= count; seed += 3) {
                MessageId id = new MessageId("b" + seed);
                storage.messages().insertIfAbsent(txn, NewMessage.incoming(id, BOB, "bob", T0, T0, "file"));
                storage.attachments().insertIfAbsent(txn, new Attachment(id, distinct(seed),
                        AttachmentState.DOWNLOADED));
            }
        });
        for (int seed = 1; seed <= count; seed++) {
            Files.write(files.resolve(distinct(seed).idHex() + ".bin"), new byte[] {1});
        }
        Files.write(files.resolve(distinct(count + 1).idHex() + ".encoding"), new byte[] {1});
        Files.write(files.resolve("notes.txt"), new byte[] {1});

        try (AttachmentFiles sweep = new AttachmentFiles(storage, files)) {
            assertThat(sweep.sweep()).isEqualTo(count - count / 3 + 1);
        }
        try (java.util.stream.Stream<Path> left = Files.list(files)) {
            assertThat(left.map(f -> f.getFileName().toString()).toList()).hasSize(count / 3 + 1)
                    .contains("notes.txt", distinct(3).idHex() + ".bin", distinct(count - count % 3).idHex() + ".bin");
        }
    }

    /** A pointer whose id differs for every {@code seed} (the contract's pointers repeat every 256 seeds). */
    private static dev.parley.crypto.payload.AttachmentPointer distinct(int seed) {
        dev.parley.crypto.payload.AttachmentPointer p = AttachmentContract.pointer(seed, "f.png");
        return new dev.parley.crypto.payload.AttachmentPointer(java.nio.ByteBuffer.allocate(16).putLong(8, seed).array(),
                p.key(), p.digest(), p.size(), p.fileName(), p.contentType(), p.width(), p.height(), p.thumbnail());
    }
}
