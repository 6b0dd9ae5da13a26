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
        // Nothing the relay had confirmed before the kill is sent again: the restarted relay received exactly the
        // chunks after those (over the bulk path, in segments; the progress reported only ever grows).
        long confirmedAtKill = progressAtKill.get() / AttachmentFormat.PLAIN_CHUNK_BYTES;
        assertThat(network.relay.metrics().attachmentChunksStoredTotal())
                .isEqualTo(AttachmentFormat.chunkCount(content.length) - confirmedAtKill);
        assertThat(lowestAfterKill.get()).isGreaterThan(progressAtKill.get());
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
    void aRelayWithoutTheBulkPathGetsFilesInFramesAndAFileGoesOnFromAnotherPath() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        byte[] content = new byte[7 * AttachmentFormat.PLAIN_CHUNK_BYTES + 5];
        new Random(7).nextBytes(content);
        Path file = Files.write(network.root.resolve("notes.pdf"), content);
        // As a relay older than the bulk path: its ticket requests are UNKNOWN_TYPE, so the chunks go in frames.
        network.restartRelay(c -> c.withAttachments(c.options().attachments().withBulk(false)));
        Message sent = alice.attachments().sendFile("bob", file, null, TransferProgress.NONE);
        assertThat(network.relay.metrics().attachmentChunksStoredTotal()).isEqualTo(AttachmentFormat.chunkCount(content.length));
        assertThat(Await.until(() -> hasAttachment(bob, sent.messageId()), WAIT)).isTrue();
        // Half of it downloaded in frames (then cancelled); once the relay offers the bulk path, the rest comes
        // over HTTP from the last whole chunk in the profile.
        AtomicLong downloaded = new AtomicLong();
        TransferProgress cancelHalfway = new TransferProgress() {
            @Override
            public void progress(long done, long total) {
                downloaded.set(done);
            }

            @Override
            public boolean cancelled() {
                return downloaded.get() * 2 >= content.length;
            }
        };
        Path target = network.root.resolve("notes-copy.pdf");
        assertThatThrownBy(() -> bob.attachments().save(sent.messageId(), target, cancelHalfway))
                .hasMessageContaining("cancelled");
        assertThat(Files.exists(target)).isFalse();
        network.restartRelay(c -> c);
        Path saved = bob.attachments().save(sent.messageId(), target, TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
    }

    @Test
    void anUploadCutShortByACrashResumesWithTheSameKeyAndIdWhenTheSameFileIsSentAgain() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        byte[] content = new byte[12 * AttachmentFormat.PLAIN_CHUNK_BYTES];
        new Random(6).nextBytes(content);
        Path file = Files.write(network.root.resolve("archive.zip"), content);
        // The sending client "dies" after half of the chunks were confirmed (nothing after that point runs).
        TransferProgress crashHalfway = (done, total) -> {
            if (done * 2 >= total) {
                throw new IllegalStateException("simulated crash");
            }
        };
        assertThatThrownBy(() -> alice.attachments().sendFile("bob", file, null, crashHalfway))
                .hasMessageContaining("simulated crash");
        alice.close();

        ParleyApp again = network.unlock("alice");
        AtomicLong firstProgress = new AtomicLong(-1);
        Message sent = again.attachments().sendFile("bob", file, null,
                (done, total) -> firstProgress.compareAndSet(-1, done));
        assertThat(firstProgress.get()).as("the first chunk confirmed after the restart")
                .isGreaterThan(content.length / 2);
        // One reservation on the relay, not two: the interrupted upload was finished, not abandoned.
        try (var files = Files.list(network.root.resolve("relay").resolve("attachments"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(2)
                    .anyMatch(n -> n.endsWith(".bin")).anyMatch(n -> n.endsWith(".meta"));
        }
        again.connection().start();
        bob.connection().start();
        assertThat(Await.until(() -> hasAttachment(bob, sent.messageId()), WAIT)).isTrue();
        Path saved = bob.attachments().save(sent.messageId(), network.root.resolve("archive-copy.zip"),
                TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
    }

    @Test
    void aFileTheRelayNoLongerHasIsReportedAsGoneAndNothingIsWritten() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        alice.connection().start();
        bob.connection().start();
        Path file = Files.writeString(network.root.resolve("old-notes.txt"), "notes that will expire on the relay");
        Message sent = alice.attachments().sendFile("bob", file, null, TransferProgress.NONE);
        assertThat(Await.until(() -> hasAttachment(bob, sent.messageId()), WAIT)).isTrue();
        try (var files = Files.list(network.root.resolve("relay").resolve("attachments"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".bin")).toList()) {
                Files.delete(p);
            }
        }
        Path target = network.root.resolve("never.txt");
        assertThatThrownBy(() -> bob.attachments().save(sent.messageId(), target, TransferProgress.NONE))
                .isInstanceOf(RelayRejectedException.class).hasMessageContaining("no longer available on the relay");
        assertThat(bob.attachments().attachment(sent.messageId()).orElseThrow().state()).isEqualTo(AttachmentState.EXPIRED);
        assertThat(Files.exists(target)).isFalse();
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
