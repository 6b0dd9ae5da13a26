package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.crypto.attachment.AttachmentFormat;
import dev.parley.crypto.payload.AttachmentPointer;
import dev.parley.crypto.payload.Payload;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.service.RelayRejectedException;
import dev.parley.desktop.storage.Attachment;
import dev.parley.desktop.storage.AttachmentState;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue #13: Alice and Bob exchange files over the real relay, through a relay crash, and against hostile pointers. */
class AttachmentsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void anUploadSurvivesARelayKilledHalfwayAndResumesWhereTheRelayStopped() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        byte[] content = new byte[20 * AttachmentFormat.PLAIN_CHUNK_BYTES + 777];
        new Random(5).nextBytes(content);
        Path file = Files.write(network.root.resolve("video.mp4"), content);

        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong progressAtKill = new AtomicLong();
        AtomicLong lowestAfterKill = new AtomicLong(Long.MAX_VALUE);
        TransferProgress killHalfway = (done, total) -> {
            if (killed.get()) {
                lowestAfterKill.accumulateAndGet(done, Math::min);
            }
            if (done * 2 >= total && killed.compareAndSet(false, true)) {
                progressAtKill.set(done);
                network.haltRelay();
                try {
                    network.startRelay();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        Message sent = alice.attachments().sendFile("bob", file, "the video", killHalfway);
        assertThat(killed).isTrue();
        // The first chunk confirmed after the restart is the one after the last confirmed before it: nothing re-sent.
        assertThat(lowestAfterKill.get()).isEqualTo(progressAtKill.get() + AttachmentFormat.PLAIN_CHUNK_BYTES);
        assertThat(Await.until(() -> hasAttachment(bob, sent.messageId()), WAIT)).isTrue();
        Attachment received = bob.attachments().attachment(sent.messageId()).orElseThrow();
        assertThat(received.state()).isEqualTo(AttachmentState.AVAILABLE);
        assertThat(received.pointer().fileName()).isEqualTo("video.mp4");
        assertThat(received.pointer().contentType()).isEqualTo("video/mp4");
        assertThat(received.pointer().size()).isEqualTo(content.length);
        Message message = bob.messaging().history("alice", Optional.empty(), 10).messages().get(0);
        assertThat(message.body()).isEqualTo("📎 video.mp4\nthe video");

        Path saved = bob.attachments().save(sent.messageId(), Files.createDirectories(network.root.resolve("saved")),
                TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
        assertThat(bob.attachments().attachment(sent.messageId()).orElseThrow().state()).isEqualTo(AttachmentState.DOWNLOADED);
    }

    @Test
    void aHostilePointerNeverNamesAPathAndAnUnknownIdIsReportedAsGone() throws Exception {
        ParleyApp bob = network.register("bob");
        bob.connection().start();
        try (OutsideClient mallory = OutsideClient.register(network, "mallory")) {
            dev.parley.crypto.payload.MessageId id = dev.parley.crypto.payload.MessageId.random(TestNetwork.CRYPTO.random());
            AttachmentPointer pointer = new AttachmentPointer(new byte[16], new byte[32], new byte[32], 1000,
                    "../../.bashrc\u0000", "text/plain", 0, 0, null);
            mallory.sendAs("mallory", "bob", new Payload.Attachment(id, System.currentTimeMillis(), pointer, "open me"));
            MessageId stored = new MessageId(id.hex());
            assertThat(Await.until(() -> hasAttachment(bob, stored), WAIT)).isTrue();
            assertThat(bob.attachments().attachment(stored).orElseThrow().pointer().fileName()).isEqualTo("_.._.bashrc_");
            Path downloads = Files.createDirectories(network.root.resolve("downloads"));
            assertThatThrownBy(() -> bob.attachments().save(stored, downloads, TransferProgress.NONE))
                    .isInstanceOf(RelayRejectedException.class).hasMessageContaining("no longer available on the relay");
            assertThat(bob.attachments().attachment(stored).orElseThrow().state()).isEqualTo(AttachmentState.EXPIRED);
            try (var files = Files.list(downloads)) {
                assertThat(files.toList()).isEmpty();
            }
            assertThat(Files.exists(network.root.resolve(".bashrc"))).isFalse();
            assertThat(bob.attachments().attachments(List.of(stored))).hasSize(1);
        }
    }

    private static boolean hasAttachment(ParleyApp app, MessageId id) {
        try {
            return app.attachments().attachment(id).isPresent();
        } catch (dev.parley.desktop.service.ServiceException e) {
            throw new AssertionError(e);
        }
    }
}
