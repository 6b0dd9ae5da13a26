package dev.parley.desktop.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.desktop.storage.ConversationId;
import dev.parley.desktop.storage.DisappearingTimer;
import dev.parley.desktop.storage.Message;
import dev.parley.desktop.storage.MessageId;
import dev.parley.desktop.storage.NewMessage;
import dev.parley.desktop.storage.Reaction;
import dev.parley.desktop.storage.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #12, disappearing messages: timers per conversation, expiries per message, expired ones soonest first. */
public abstract class DisappearingContract extends StorageContract {
    private static final ConversationId BOB = ConversationId.direct("bob");

    @Test
    void aConversationKeepsItsTimerAndAnUnknownOneHasNone() throws Exception {
        assertThat(read((Transaction txn) -> storage.disappearing().timer(txn, BOB))).isEqualTo(DisappearingTimer.OFF);
        assertThat(writeAndGet((Transaction txn) -> storage.disappearing().setTimer(txn, BOB, DisappearingTimer.HOUR_1)))
                .as("no such conversation yet").isFalse();
        write((Transaction txn) -> storage.conversations().direct(txn, "bob"));
        assertThat(writeAndGet((Transaction txn) -> storage.disappearing().setTimer(txn, BOB, DisappearingTimer.HOUR_1))).isTrue();
        assertThat(read((Transaction txn) -> storage.disappearing().timer(txn, BOB))).isEqualTo(DisappearingTimer.HOUR_1);
        write((Transaction txn) -> storage.disappearing().setTimer(txn, BOB, DisappearingTimer.OFF));
        assertThat(read((Transaction txn) -> storage.disappearing().timer(txn, BOB))).isEqualTo(DisappearingTimer.OFF);
    }

    @Test
    void expiredMessagesAreFoundSoonestFirstAndSystemLinesAreNotSearched() throws Exception {
        MessageId a = new MessageId("e1");
        MessageId b = new MessageId("e2");
        MessageId c = new MessageId("e3");
        MessageId line = new MessageId("sys-1");
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertAllIfAbsent(txn, List.of(
                    NewMessage.outgoing(a, BOB, "alice", T0, "first"),
                    NewMessage.outgoing(b, BOB, "alice", T0, "second"),
                    NewMessage.outgoing(c, BOB, "alice", T0, "third"),
                    NewMessage.outgoing(line, BOB, "alice", T0, "alice set disappearing messages to 1 hour").asSystem()));
            storage.disappearing().expireAt(txn, a, T0.plusSeconds(20));
            storage.disappearing().expireAt(txn, b, T0.plusSeconds(10));
        });
        assertThat(writeAndGet((Transaction txn) -> storage.disappearing().expireAt(txn, new MessageId("none"), T0))).isFalse();
        assertThat(read((Transaction txn) -> storage.disappearing().expired(txn, T0.plusSeconds(9), 10))).isEmpty();
        assertThat(read((Transaction txn) -> storage.disappearing().expired(txn, T0.plusSeconds(20), 10))).containsExactly(b, a);
        assertThat(read((Transaction txn) -> storage.disappearing().expired(txn, T0.plusSeconds(20), 1))).containsExactly(b);
        Message found = read((Transaction txn) -> storage.messages().find(txn, a)).orElseThrow();
        assertThat(found.expiresAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(read((Transaction txn) -> storage.messages().find(txn, line)).orElseThrow().isSystem()).isTrue();
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "disappearing", Optional.empty(), 10))).isEmpty();
        write((Transaction txn) -> storage.changes().remove(txn, List.of(b, a)));
        assertThat(read((Transaction txn) -> storage.disappearing().expired(txn, T0.plusSeconds(60), 10))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().page(txn, BOB, Optional.empty(), 10)).messages())
                .extracting(Message::messageId).containsExactly(line, c);
    }

    /** The sweep's removal: the expired ones only, soonest first, with everything of theirs, by conversation. */
    @Test
    void removeExpiredTakesTheSoonestExpiredWithTheirWordsVersionsAndReactions() throws Exception {
        ConversationId carol = ConversationId.direct("carol");
        MessageId a = new MessageId("x1");
        MessageId b = new MessageId("x2");
        MessageId kept = new MessageId("x3");
        MessageId d = new MessageId("x4");
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.conversations().direct(txn, "carol");
            storage.messages().insertAllIfAbsent(txn, List.of(
                    NewMessage.outgoing(a, BOB, "alice", T0, "fading alpha"),
                    NewMessage.outgoing(b, BOB, "alice", T0.plusSeconds(1), "fading bravo"),
                    NewMessage.outgoing(kept, BOB, "alice", T0.plusSeconds(2), "fading never"),
                    NewMessage.outgoing(d, carol, "alice", T0.plusSeconds(3), "fading delta")));
            storage.changes().edit(txn, d, "fading delta edited", T0.plusSeconds(4));
            storage.reactions().put(txn, new Reaction(b, "bob", "👍", T0));
            storage.disappearing().expireAt(txn, a, T0.plusSeconds(20));
            storage.disappearing().expireAt(txn, b, T0.plusSeconds(10));
            storage.disappearing().expireAt(txn, d, T0.plusSeconds(15));
        });
        assertThat(writeAndGet((Transaction txn) -> storage.changes().removeExpired(txn, T0.plusSeconds(9), 10)))
                .as("nothing has expired yet").isEmpty();
        Map<ConversationId, List<MessageId>> first = writeAndGet((Transaction txn) ->
                storage.changes().removeExpired(txn, T0.plusSeconds(30), 2));
        assertThat(first).containsOnlyKeys(BOB, carol);
        assertThat(first.get(BOB)).containsExactly(b);
        assertThat(first.get(carol)).containsExactly(d);
        assertThat(read((Transaction txn) -> storage.reactions().of(txn, b))).isEmpty();
        assertThat(read((Transaction txn) -> storage.changes().versions(txn, d))).isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "fading", Optional.empty(), 10)))
                .extracting(Message::messageId).containsExactly(kept, a);
        assertThat(writeAndGet((Transaction txn) -> storage.changes().removeExpired(txn, T0.plusSeconds(30), 10)))
                .containsExactly(Map.entry(BOB, List.of(a)));
        assertThat(writeAndGet((Transaction txn) -> storage.changes().removeExpired(txn, T0.plusSeconds(30), 10)))
                .isEmpty();
        assertThat(read((Transaction txn) -> storage.messages().search(txn, "fading", Optional.empty(), 10)))
                .extracting(Message::messageId).containsExactly(kept);
        assertThat(read((Transaction txn) -> storage.messages().conversations(txn)))
                .extracting(s -> s.lastMessage().messageId()).containsExactly(kept);
    }

    @Test
    void aSystemLineMadeByNewMessageSystemIsASystemLine() throws Exception {
        MessageId restart = new MessageId("sys-2");
        write((Transaction txn) -> {
            storage.conversations().direct(txn, "bob");
            storage.messages().insertAllIfAbsent(txn, List.of(
                    NewMessage.system(restart, BOB, T0, "bob restarted their secure session")));
        });
        assertThat(read((Transaction txn) -> storage.messages().find(txn, restart)).orElseThrow().isSystem())
                .as("session restarts and group lines render as system rows and notify no one").isTrue();
    }
}
