package dev.parley.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.crypto.attachment.AttachmentReadToken;
import dev.parley.crypto.primitives.CryptoProviders;
import dev.parley.relay.store.AttachmentRefusedException.Reason;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AttachmentStore} must do about who may download (docs/protocol.md, "Attachments"): the owner, the
 * named readers of an attachment begun with readers, and whoever presents the read token of a shared one; anyone else
 * gets the answer a missing id gets.
 */
abstract class AttachmentStoreContract {
    private static final byte[] TOKEN = AttachmentReadToken.derive(CryptoProviders.preferred(), filled(32, 7));
    private static final byte[] OTHER_TOKEN = AttachmentReadToken.derive(CryptoProviders.preferred(), filled(32, 8));

    /** The store under test, open for this test (the same one on every call within a test). */
    protected abstract AttachmentStore attachments() throws Exception;

    /** The store's clock now. */
    protected abstract Instant now();

    private static byte[] filled(int length, int fill) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) fill);
        return b;
    }

    private static Reason refusal(Call call) throws Exception {
        try {
            call.run();
        } catch (AttachmentRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    interface Call {
        void run() throws Exception;
    }

    private Instant expiry() {
        return now().plusSeconds(86_400);
    }

    @Test
    void aSharedAttachmentIsServedToWhoeverPresentsItsTokenAndToNobodyElse() throws Exception {
        AttachmentStore store = attachments();
        byte[] id = store.reserve("alice", List.of(), AttachmentReadToken.hash(TOKEN), 100, expiry(), 1L << 30);
        assertThat(refusal(() -> store.read(id, "bob", TOKEN, 0))).as("not complete yet").isEqualTo(Reason.UNKNOWN);
        store.append(id, "alice", 0, filled(100, 3));

        for (String member : List.of("bob", "carol", "member20")) {
            assertThat(store.read(id, member, TOKEN, 0).bytes()).isEqualTo(filled(100, 3));
        }
        assertThat(store.read(id, "alice", null, 0).bytes()).as("the owner needs no token").isEqualTo(filled(100, 3));
        assertThat(refusal(() -> store.read(id, "mallory", OTHER_TOKEN, 0))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> store.read(id, "mallory", AttachmentReadToken.hash(TOKEN), 0)))
                .as("the stored hash is not the token").isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> store.read(id, "mallory", null, 0))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> store.read(id, "mallory", 0))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> store.read(id, "bob", TOKEN, 1))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> store.progress(id, "bob"))).as("only the owner resumes").isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void anAttachmentWithNamedReadersIsReadByThemWhateverTokenTheyPresentAndByNobodyElse() throws Exception {
        AttachmentStore store = attachments();
        byte[] id = store.reserve("alice", List.of("bob"), 100, expiry(), 1L << 30);
        store.append(id, "alice", 0, filled(100, 4));
        assertThat(store.read(id, "bob", 0).bytes()).isEqualTo(filled(100, 4));
        assertThat(store.read(id, "bob", TOKEN, 0).bytes()).isEqualTo(filled(100, 4));
        assertThat(refusal(() -> store.read(id, "carol", TOKEN, 0))).isEqualTo(Reason.UNKNOWN);
        assertThat(refusal(() -> store.read(id, "carol", 0))).isEqualTo(Reason.UNKNOWN);
    }

    @Test
    void aSharedAttachmentCountsAgainstItsOwnersQuotaLikeAnyOther() throws Exception {
        AttachmentStore store = attachments();
        long before = store.usage("alice");
        store.reserve("alice", List.of(), AttachmentReadToken.hash(TOKEN), 1000, expiry(), 1L << 30);
        assertThat(store.usage("alice")).isEqualTo(before + 1000);
        assertThat(refusal(() -> store.reserve("alice", List.of(), AttachmentReadToken.hash(OTHER_TOKEN), 1000,
                expiry(), before + 1500))).isEqualTo(Reason.QUOTA_EXCEEDED);
    }
}
