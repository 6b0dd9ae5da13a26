package dev.parley.desktop.storage.h2;

import static dev.parley.desktop.storage.h2.LargeConversationFixture.AT;
import static dev.parley.desktop.storage.h2.LargeConversationFixture.BOB;
import static dev.parley.desktop.storage.h2.LargeConversationFixture.CAROL;
import static dev.parley.desktop.storage.h2.LargeConversationFixture.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.service.messaging.DeletedConversationRemoval;
import dev.parley.desktop.storage.ConversationSummary;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Reaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An erase killed in the middle (issue #12): a child JVM hides bob's conversation of {@value #MESSAGES} messages and
 * removes it a page per transaction until the test kills it ({@code SIGKILL}) a few pages in. Reopened, the
 * conversation is still gone for every reader although part of its rows are still there; a message bob sends now
 * starts it afresh and is shown once; the erase then goes on (as the sweeper does it at every unlock) until nothing of
 * the old conversation is left: rows, search word keys, reactions, the pending entry, and no plaintext in any file.
 * With one transaction for the whole erase, the kill left the conversation whole and shown.
 */
class InterruptedEraseTest {
    private static final int MESSAGES = 6_000;
    private static final int BODY_CHARS = 600;
    private static final int PAGES_BEFORE_KILL = 3;

    @TempDir
    Path dir;

    @Test
    void anEraseKilledMidwayStaysHiddenAndCompletesAfterReopening() throws Exception {
        Path base = dir.resolve("profile").resolve("data-1");
        Files.createDirectories(base.getParent());
        LargeConversationFixture.build(base, MESSAGES, BODY_CHARS);
        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(false, txn -> {
                for (int i = 0; i < MESSAGES; i += 7) {
                    storage.reactions().put(txn, new Reaction(new MessageId("b" + i), "alice", "👍", AT));
                }
                storage.reactions().put(txn, new Reaction(new MessageId("c1"), "alice", "👍", AT));
            });
        }

        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-Dparley.native.dir=" + Files.createDirectories(dir.resolve("native")),
                "-cp", System.getProperty("java.class.path"), LargeConversationEraser.class.getName(),
                base.toString(), BOB.value(), "paged", "400")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        String wanted = "removed " + PAGES_BEFORE_KILL * LargeConversationEraser.PAGE;
        while (!Files.readString(log).contains(wanted) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("hidden " + MESSAGES).doesNotContain("erased");

        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            long left = storage.transactions().transactionWithResult(true, txn -> {
                assertThat(storage.messages().find(txn, new MessageId("b0"))).isEmpty();
                assertThat(storage.messages().find(txn, new MessageId("b" + (MESSAGES - 1)))).isEmpty();
                assertThat(storage.messages().page(txn, BOB, Optional.empty(), 10).messages()).isEmpty();
                assertThat(storage.messages().search(txn, "lighthouse", Optional.empty(), 10)).isEmpty();
                assertThat(storage.messages().conversations(txn)).extracting(ConversationSummary::conversationId)
                        .containsExactly(CAROL);
                return ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM messages WHERE conversation_id = 'bob'");
            });
            assertThat(left).as("killed in the middle").isBetween(1L, (long) MESSAGES - 1);

            storage.transactions().transaction(false, txn -> storage.messages().insertAllIfAbsent(txn, List.of(
                    NewMessage.incoming(new MessageId("fresh"), BOB, "bob", AT.plusSeconds(MESSAGES),
                            AT.plusSeconds(MESSAGES), "a fresh lighthouse"))));
            assertThat(bodies(storage)).containsExactly("a fresh lighthouse");

            assertThat(new DeletedConversationRemoval(storage).removePending(() -> true)).isEqualTo((int) left);

            storage.transactions().transaction(true, txn -> {
                assertThat(storage.messages().search(txn, "lighthouse", Optional.empty(), 10))
                        .extracting(Message::body).containsExactly("a fresh lighthouse");
                assertThat(storage.messages().search(txn, "harbour", Optional.empty(), 100)).hasSize(OTHER);
                assertThat(ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM messages WHERE conversation_id = 'bob'"))
                        .isEqualTo(1);
                assertThat(ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM reactions")).isEqualTo(1);
                assertThat(ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM conversation_erasures")).isZero();
                // carol's words (five or six per message) and the three of the fresh message
                assertThat(ErasureRows.count(storage, txn, "SELECT COUNT(*) FROM message_word_keys"))
                        .isLessThanOrEqualTo(OTHER * 6L + 3);
            });
            assertThat(bodies(storage)).containsExactly("a fresh lighthouse");
        }
        try (Stream<Path> files = Files.walk(base.getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain("lighthouse").doesNotContain("keeper");
            }
        }
    }

    private static List<String> bodies(H2Storage storage) throws Exception {
        return storage.transactions().transactionWithResult(true,
                txn -> storage.messages().page(txn, BOB, Optional.empty(), 10).messages().stream()
                        .map(Message::body).toList());
    }
}
