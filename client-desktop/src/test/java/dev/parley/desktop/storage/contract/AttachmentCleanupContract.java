package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue #12/#13: an attachment's row (its file key and pointer) goes with its message, however the message goes, so
 * the downloaded file can follow ({@code AttachmentFiles}); {@link dev.parley.desktop.storage.AttachmentStore#attachmentIds}
 * lists what is still kept.
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
        return read((Transaction txn) -> storage.attachments().attachmentIds(txn));
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

        write((Transaction txn) -> storage.historyEraser().erase(txn, CAROL));
        assertThat(kept()).containsExactly(hex(3));
        assertThat(read((Transaction txn) -> storage.attachments().find(txn, kept))).isPresent();
    }
}
