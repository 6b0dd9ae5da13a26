package dev.parley.desktop.storage.h2;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.EventPublisher;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile with a long conversation with bob (messages "b0", "b1", ... of about {@code bodyChars} characters of the
 * same few words, "lighthouse" among them) and {@value #OTHER} short messages with carol ("c0" ...: "carol writes about
 * the harbour N"), for the erase tests that run the erase in a child JVM.
 */
final class LargeConversationFixture {
    static final ConversationId BOB = new ConversationId("bob");
    static final ConversationId CAROL = new ConversationId("carol");
    static final int OTHER = 50;
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private LargeConversationFixture() {
    }

    static void build(Path base, int messages, int bodyChars) throws Exception {
        try (H2Storage storage = H2Storage.create(base, TestKeys.key(1), EventPublisher.NONE)) {
            for (int from = 0; from < messages; from += 1_000) {
                int first = from;
                int last = Math.min(messages, from + 1_000);
                storage.transactions().transaction(false, txn -> {
                    List<NewMessage> batch = new ArrayList<>();
                    for (int i = first; i < last; i++) {
                        batch.add(NewMessage.incoming(new MessageId("b" + i), BOB, "bob", AT.plusSeconds(i),
                                AT.plusSeconds(i), body(i, bodyChars)));
                        if (i < OTHER) {
                            batch.add(NewMessage.incoming(new MessageId("c" + i), CAROL, "carol", AT.plusSeconds(i),
                                    AT.plusSeconds(i), "carol writes about the harbour " + i));
                        }
                    }
                    storage.messages().insertAllIfAbsent(txn, batch);
                });
            }
        }
    }

    /** About {@code chars} characters of a few words over and over, with the message's number. */
    static String body(int i, int chars) {
        StringBuilder body = new StringBuilder(chars + 16).append("message ").append(i);
        String[] words = {"lighthouse", "keeper", "storm", "evening", "northern", "coast", "signal"};
        for (int w = 0; body.length() < chars; w++) {
            body.append(' ').append(words[w % words.length]);
        }
        return body.toString();
    }

    /** Builds the fixture at {@code args[0]} with {@code args[1]} messages of {@code args[2]} characters. */
    public static void main(String[] args) throws Exception {
        build(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
}
