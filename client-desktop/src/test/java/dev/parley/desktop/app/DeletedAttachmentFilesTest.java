package dev.parley.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.profile.ProfileName;
import dev.parley.desktop.service.AttachmentService.TransferProgress;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #12/#13: a downloaded file goes when its message goes, deleted for me, deleted for everyone by its sender,
 * or with the whole conversation; a file left behind (a crash after the commit) goes at the next unlock. Real relay,
 * real profiles, real files.
 */
class DeletedAttachmentFilesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestNetwork network = new TestNetwork();

    @Test
    void theDownloadedFileOfADeletedMessageIsRemoved() throws Exception {
        ParleyApp alice = network.register("alice");
        ParleyApp bob = network.register("bob");
        alice.contacts().add("bob");
        bob.contacts().add("alice");
        alice.connection().start();
        bob.connection().start();
        MessageId forMe = sendAndDownload(alice, bob, "for-me.bin", 1);
        MessageId forEveryone = sendAndDownload(alice, bob, "for-everyone.bin", 2);
        MessageId kept = sendAndDownload(alice, bob, "kept.bin", 3);
        Path dir = attachmentDirectory("bob");
        assertThat(files(dir)).hasSize(3);

        bob.actions().deleteForMe(forMe);
        assertThat(Await.until(() -> files(dir).size() == 2, WAIT)).as("deleted for me").isTrue();

        alice.actions().deleteForEveryone(forEveryone);
        assertThat(Await.until(() -> files(dir).size() == 1, WAIT)).as("deleted for everyone by its sender").isTrue();
        assertThat(bob.attachments().attachment(kept)).isPresent();

        Path orphan = Files.write(dir.resolve("00112233445566778899aabbccddeeff.bin"), new byte[] {1, 2, 3});
        bob.close();
        ParleyApp again = network.unlock("bob");
        assertThat(Await.until(() -> !Files.exists(orphan), WAIT)).as("a file left behind goes at unlock").isTrue();
        assertThat(files(dir)).hasSize(1);

        again.contacts().remove("alice", true);
        assertThat(Await.until(() -> files(dir).isEmpty(), WAIT)).as("the conversation deleted").isTrue();
    }

    private MessageId sendAndDownload(ParleyApp from, ParleyApp to, String name, int seed) throws Exception {
        byte[] content = new byte[40_000 + seed];
        new Random(seed).nextBytes(content);
        Path file = Files.write(network.root.resolve(name), content);
        Message sent = from.attachments().sendFile("bob", file, null, TransferProgress.NONE);
        assertThat(Await.until(() -> has(to, sent.messageId()), WAIT)).isTrue();
        Path saved = to.attachments().save(sent.messageId(), network.root.resolve("saved-" + name), TransferProgress.NONE);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
        return sent.messageId();
    }

    private static boolean has(ParleyApp app, MessageId id) {
        try {
            return app.attachments().attachment(id).isPresent();
        } catch (dev.parley.desktop.service.ServiceException e) {
            throw new AssertionError(e);
        }
    }

    private Path attachmentDirectory(String profile) {
        return network.config(profile).directories().profileDirectory(new ProfileName(profile)).resolve("attachments");
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bin")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
