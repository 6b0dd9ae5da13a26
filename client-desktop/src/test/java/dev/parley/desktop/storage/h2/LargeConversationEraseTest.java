package dev.parley.desktop.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a conversation far larger than the heap ("delete conversation", a contact removed, a group left): the
 * client's H2 keeps a whole query result in memory ({@code MAX_MEMORY_ROWS} unlimited, so nothing spills to a plain
 * temporary file), and the erase read every message of the conversation, bodies included, as one result and then
 * collected every word of them at once. A child JVM at {@value #HEAP} erases {@value #MESSAGES} messages of about
 * {@value #BODY_CHARS} characters each (about 58 MB of text, about 300 words each); it ran out of memory that way
 * (and still did at 100 MB) and erases them a page at a time now (80 MB suffice). What the erase still needs grows
 * with the conversation: H2's state for the one transaction grows with the rows it deletes (uncommitted versions,
 * undo records, removed pages; 72,000 such messages did not erase in 200 MB). Afterwards nothing of the conversation is left, neither rows nor search words, and the other conversation
 * is whole.
 */
class LargeConversationEraseTest {
    private static final String HEAP = "-Xmx96m";
    private static final int MESSAGES = 24_000;
    private static final int BODY_CHARS = 2_400;
    private static final int OTHER = 50;

    @TempDir
    Path dir;

    @Test
    void aConversationLargerThanTheHeapIsErasedWhole() throws Exception {
        Path base = dir.resolve("data-1");
        ConversationId bob = new ConversationId("bob");
        ConversationId carol = new ConversationId("carol");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE)) {
            for (int from = 0; from < MESSAGES; from += 1_000) {
                int first = from;
                storage.transactions().transaction(false, txn -> {
                    List<NewMessage> batch = new ArrayList<>();
                    for (int i = first; i < first + 1_000; i++) {
                        batch.add(NewMessage.incoming(new MessageId("b" + i), bob, "bob", at.plusSeconds(i),
                                at.plusSeconds(i), body(i)));
                        if (i < OTHER) {
                            batch.add(NewMessage.incoming(new MessageId("c" + i), carol, "carol", at.plusSeconds(i),
                                    at.plusSeconds(i), "carol writes about the harbour " + i));
                        }
                    }
                    storage.messages().insertAllIfAbsent(txn, batch);
                });
            }
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-Dparley.native.dir=" + Files.createDirectories(dir.resolve("native")),
                "-cp", System.getProperty("java.class.path"), LargeConversationEraser.class.getName(),
                base.toString(), bob.value())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(600, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isZero();
        assertThat(log).contains("erased " + MESSAGES);

        try (H2Storage storage = H2Storage.open(base, TestKeys.key(1), EventPublisher.NONE)) {
            storage.transactions().transaction(true, txn -> {
                assertThat(storage.messages().find(txn, new MessageId("b0"))).isEmpty();
                assertThat(storage.messages().find(txn, new MessageId("b" + (MESSAGES - 1)))).isEmpty();
                assertThat(storage.messages().page(txn, bob, Optional.empty(), 10).messages()).isEmpty();
                assertThat(storage.messages().search(txn, "lighthouse", Optional.empty(), 10)).isEmpty();
                List<Message> harbour = storage.messages().search(txn, "harbour", Optional.empty(), 100);
                assertThat(harbour).hasSize(OTHER).allMatch(m -> m.conversationId().equals(carol));
                try (java.sql.Statement s = H2Transaction.connection(txn, storage.manager(), false).createStatement();
                     java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_word_keys")) {
                    rs.next();
                    // the words of carol's messages only ("carol writes about the harbour N": five or six each)
                    assertThat(rs.getLong(1)).isLessThanOrEqualTo(OTHER * 6L);
                }
            });
        }
    }

    /** About {@value #BODY_CHARS} characters of a few words over and over, with the message's number. */
    private static String body(int i) {
        StringBuilder body = new StringBuilder(BODY_CHARS + 16).append("message ").append(i);
        String[] words = {"lighthouse", "keeper", "storm", "evening", "northern", "coast", "signal"};
        for (int w = 0; body.length() < BODY_CHARS; w++) {
            body.append(' ').append(words[w % words.length]);
        }
        return body.toString();
    }
}
