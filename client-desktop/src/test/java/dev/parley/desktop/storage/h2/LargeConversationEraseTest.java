package dev.parley.desktop.storage.h2;

import static dev.parley.desktop.storage.h2.LargeConversationFixture.BOB;
import static dev.parley.desktop.storage.h2.LargeConversationFixture.CAROL;
import static dev.parley.desktop.storage.h2.LargeConversationFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a conversation far larger than the heap ("delete conversation", a contact removed, a group left). A child JVM
 * at {@value #HEAP} erases {@value #MESSAGES} messages of about {@value #BODY_CHARS} characters each (about 86 MB of
 * text, about 300 words each) as the app does: hidden in one transaction, then a page per transaction. The eraser
 * before it ran out of memory here (and with 72,000 such messages at 200 MB): it read each page with
 * {@code ORDER BY conversation_id, seq} from {@code messages_history}, an index H2 cannot read in that direction, so
 * every page query sorted all the conversation's remaining rows, bodies included, in the heap. Afterwards nothing of
 * the conversation is left, neither rows nor search words, and the other conversation is whole.
 */
class LargeConversationEraseTest {
    private static final String HEAP = "-Xmx64m";
    private static final int MESSAGES = 36_000;
    private static final int BODY_CHARS = 2_400;

    @TempDir
    Path dir;

    @Test
    void aConversationLargerThanTheHeapIsErasedWhole() throws Exception {
        Path base = dir.resolve("data-1");
        LargeConversationFixture.build(base, MESSAGES, BODY_CHARS);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-Dparley.native.dir=" + Files.createDirectories(dir.resolve("native")),
                "-cp", System.getProperty("java.class.path"), LargeConversationEraser.class.getName(),
                base.toString(), BOB.value(), "paged", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isZero();
        assertThat(log).contains("hidden " + MESSAGES).contains("erased " + MESSAGES);

        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(true, txn -> {
                assertThat(storage.messages().find(txn, new MessageId("b0"))).isEmpty();
                assertThat(storage.messages().find(txn, new MessageId("b" + (MESSAGES - 1)))).isEmpty();
                assertThat(storage.messages().page(txn, BOB, Optional.empty(), 10).messages()).isEmpty();
                assertThat(storage.messages().search(txn, "lighthouse", Optional.empty(), 10)).isEmpty();
                List<Message> harbour = storage.messages().search(txn, "harbour", Optional.empty(), 100);
                assertThat(harbour).hasSize(OTHER).allMatch(m -> m.conversationId().equals(CAROL));
                assertThat(ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM messages WHERE conversation_id = 'bob'"))
                        .isZero();
                assertThat(ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM conversation_erasures")).isZero();
                // the words of carol's messages only ("carol writes about the harbour N": five or six each)
                assertThat(ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM message_word_keys"))
                        .isLessThanOrEqualTo(OTHER * 6L);
            });
        }
    }
}
