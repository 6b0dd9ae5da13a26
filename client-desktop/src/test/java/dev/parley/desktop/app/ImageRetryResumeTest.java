package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.storage.Message;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #13: an image is sent as a metadata-free re-encoding; a retry after a crash halfway sends that same first
 * encoding (kept encrypted and owner-only in the profile until the upload is announced) and resumes from the relay's
 * count, rather than starting over with a new encoding and a second reservation.
 */
class ImageRetryResumeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void aRetriedImageUploadResumesWithItsFirstEncoding() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        Path image = noisyPng(network.root.resolve("photo.png"), 320, 240);
        Path attachments = network.config("alice").directories().profileDirectory(new ProfileName("alice"))
                .resolve("attachments");
        TransferProgress crashHalfway = (done, total) -> {
            if (done * 2 >= total) {
                throw new IllegalStateException("simulated crash");
            }
        };
        assertThatThrownBy(() -> alice.attachments().sendFile("bob", image, null, crashHalfway))
                .hasMessageContaining("simulated crash");
        List<Path> kept = list(attachments, ".encoding");
        assertThat(kept).hasSize(1);
        if (Files.getFileStore(kept.get(0)).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0)))).isEqualTo("rw-------");
        }
        byte[] keptBytes = Files.readAllBytes(kept.get(0));
        assertThat(indexOf(keptBytes, "IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .as("kept encrypted, not as a PNG").isNegative();
        alice.close();

        ParleyApp again = network.unlock("alice");
        AtomicLong firstProgress = new AtomicLong(-1);
        AtomicLong total = new AtomicLong();
        Message sent = again.attachments().sendFile("bob", image, null, (done, all) -> {
            firstProgress.compareAndSet(-1, done);
            total.set(all);
        });
        assertThat(firstProgress.get()).as("the first chunk confirmed after the restart").isGreaterThan(total.get() / 2);
        try (Stream<Path> files = Files.list(network.root.resolve("relay").resolve("attachments"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".bin")).count())
                    .as("one reservation on the relay, not two").isEqualTo(1);
        }
        assertThat(list(attachments, ".encoding")).as("forgotten once announced").isEmpty();

        again.connection().start();
        bob.connection().start();
        assertThat(Await.until(() -> hasAttachment(bob, sent), WAIT)).isTrue();
        byte[] shown = bob.attachments().decryptImage(sent.messageId(), TransferProgress.NONE);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(shown));
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(bob.attachments().attachment(sent.messageId()).orElseThrow().pointer().contentType())
                .isEqualTo("image/png");
    }

    @Test
    void aKeptEncodingGoesWhenItsUploadDoesAndAnOrphanedOneGoesAtUnlock() throws Exception {
        ParleyApp alice = network.register("alice");
        network.register("bob");
        alice.contacts().add("bob");
        Path attachments = network.config("alice").directories().profileDirectory(new ProfileName("alice"))
                .resolve("attachments");

        Path dismissed = noisyPng(network.root.resolve("dismissed.png"), 160, 120);
        crashHalfway(alice, dismissed);
        assertThat(list(attachments, ".encoding")).hasSize(1);
        alice.attachments().abandonUpload("bob", dismissed);
        assertThat(list(attachments, ".encoding")).as("the upload given up").isEmpty();

        Path inProgress = noisyPng(network.root.resolve("in-progress.png"), 160, 120);
        crashHalfway(alice, inProgress);
        Path kept = list(attachments, ".encoding").get(0);
        // left by a crash between a commit that removed their rows (sent, or a restored profile) and the files' removal
        Path orphan = Files.write(attachments.resolve("00112233445566778899aabbccddeeff.encoding"), new byte[] {1, 2});
        Path half = Files.write(attachments.resolve("ffeeddccbbaa99887766554433221100.encoding.tmp"), new byte[] {3});
        alice.close();
        ParleyApp again = network.unlock("alice");
        assertThat(Await.until(() -> !Files.exists(orphan) && !Files.exists(half), WAIT)).as("orphans go at unlock")
                .isTrue();
        assertThat(kept).as("the encoding of an upload still in progress stays").exists();

        Message text = again.messaging().send("bob", "hello");
        Path another = Files.write(attachments.resolve("0123456789abcdef0123456789abcdef.encoding"), new byte[] {4});
        again.actions().deleteForMe(text.messageId());
        assertThat(Await.until(() -> !Files.exists(another), WAIT)).as("swept after a message is deleted").isTrue();
        assertThat(kept).exists();

        again.contacts().remove("bob", true);
        assertThat(Await.until(() -> list(attachments, ".encoding").isEmpty(), WAIT))
                .as("the conversation deleted: its upload and encoding go").isTrue();
        assertThat(list(attachments, ".tmp")).isEmpty();
    }

    private static void crashHalfway(ParleyApp app, Path image) {
        TransferProgress crash = (done, total) -> {
            if (done * 2 >= total) {
                throw new IllegalStateException("simulated crash");
            }
        };
        assertThatThrownBy(() -> app.attachments().sendFile("bob", image, null, crash))
                .hasMessageContaining("simulated crash");
    }

    private static Path noisyPng(Path file, int width, int height) throws Exception {
        BufferedImage pixels = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(13);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageIO.write(pixels, "png", file.toFile());
        return file;
    }

    private static List<Path> list(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean hasAttachment(ParleyApp app, Message sent) {
        try {
            return app.attachments().attachment(sent.messageId()).isPresent();
        } catch (dev.parley.desktop.service.ServiceException e) {
            throw new AssertionError(e);
        }
    }
}
